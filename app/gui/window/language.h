#pragma once
// The interface language: Japanese or English, from the saved choice or else the system locale,
// switchable at run time (every widget retranslates on QEvent::LanguageChange).

#include <QObject>
#include <QString>
#include <QTranslator>

namespace koto::gui {

class Language : public QObject {
    Q_OBJECT
public:
    explicit Language(QObject* parent = nullptr);

    // "ja" or "en"; anything else falls back to English. Installs the translators.
    void apply(const QString& code);
    QString current() const { return current_; }

    // The saved choice, or the system's language if Japanese, else English.
    static QString preferred();
    static void remember(const QString& code);

private:
    QTranslator app_;
    QTranslator qt_;
    QString current_;
};

}  // namespace koto::gui
