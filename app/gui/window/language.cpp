#include "window/language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>

namespace koto::gui {

Language::Language(QObject* parent) : QObject(parent) {}

void Language::apply(const QString& code) {
    const QString language = code == QLatin1String("ja") ? code : QStringLiteral("en");
    QCoreApplication::removeTranslator(&app_);
    QCoreApplication::removeTranslator(&qt_);
    const QLocale locale(language);
    QLocale::setDefault(locale);
    if (app_.load(locale, QStringLiteral("kotohajime"), QStringLiteral("_"),
                  QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&app_);
    // Qt's own strings (standard buttons, context menus).
    if (qt_.load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&qt_);
    current_ = language;
}

QString Language::preferred() {
    const QString saved = QSettings().value(QStringLiteral("language")).toString();
    if (saved == QLatin1String("ja") || saved == QLatin1String("en")) return saved;
    return QLocale::system().language() == QLocale::Japanese ? QStringLiteral("ja")
                                                             : QStringLiteral("en");
}

void Language::remember(const QString& code) {
    QSettings().setValue(QStringLiteral("language"), code);
}

}  // namespace koto::gui
