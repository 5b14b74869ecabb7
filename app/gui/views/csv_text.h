#pragma once
// CSV as the views export it (RFC 4180): fields separated by commas, one record a line, a field
// in double quotes when it holds a comma, a quote or a line break (a quote in it doubled).
// Numbers are the shortest text that reads back as exactly the same float or double, so that an
// exported weight is the network's weight to the last bit ("0.1", not "0.100000001").

#include <QString>
#include <QStringList>

namespace koto::gui {

// One record, its fields quoted where they need it, ending in "\n".
QString csvRow(const QStringList& fields);
QString csvNumber(float value);
QString csvNumber(double value);

}  // namespace koto::gui
