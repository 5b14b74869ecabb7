#include "views/csv_text.h"

#include <charconv>

namespace koto::gui {
namespace {

// std::to_chars without a precision writes the shortest text that reads back as the same value.
template <typename Number>
QString shortest(Number value) {
    char text[64];
    const auto written = std::to_chars(text, text + sizeof text, value);
    return QString::fromLatin1(text, written.ptr - text);
}

QString field(const QString& text) {
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) &&
        !text.contains(QLatin1Char('\n')) && !text.contains(QLatin1Char('\r')))
        return text;
    QString quoted = text;
    quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

}  // namespace

QString csvRow(const QStringList& fields) {
    QStringList quoted;
    for (const QString& text : fields) quoted.push_back(field(text));
    return quoted.join(QLatin1Char(',')) + QLatin1Char('\n');
}

QString csvNumber(float value) { return shortest(value); }
QString csvNumber(double value) { return shortest(value); }

}  // namespace koto::gui
