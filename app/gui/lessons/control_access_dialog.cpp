#include "lessons/control_access_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

#include "lessons/lesson.h"

namespace koto::gui {
namespace {

const QString kSettingsKey = QStringLiteral("classroom/controls");

}  // namespace

QString ControlAccessDialog::controlTitle(const std::string& control) {
    static const std::map<std::string, const char*> titles = {
        {"dataset", QT_TR_NOOP("Data")},
        {"layers", QT_TR_NOOP("Hidden layers and the network editor")},
        {"optimizer", QT_TR_NOOP("Optimizer, momentum and decay")},
        {"learning_rate", QT_TR_NOOP("Learning rate")},
        {"schedule", QT_TR_NOOP("Learning-rate schedule")},
        {"batch_size", QT_TR_NOOP("Batch size")},
        {"regularization", QT_TR_NOOP("L1 and L2")},
        {"noise", QT_TR_NOOP("Input noise")},
        {"early_stopping", QT_TR_NOOP("Validation and early stopping")},
        {"clipping", QT_TR_NOOP("Gradient clipping")},
        {"augmentation", QT_TR_NOOP("Data augmentation")},
        {"templates", QT_TR_NOOP("Templates menu")},
        {"compute", QT_TR_NOOP("Compute menu")},
    };
    const auto found = titles.find(control);
    return found == titles.end() ? QString::fromStdString(control) : tr(found->second);
}

ControlAccessDialog::ControlAccessDialog(const ControlAccessMap& access, QWidget* parent)
    : QDialog(parent) {
    setObjectName(QStringLiteral("controlAccessDialog"));
    setWindowTitle(tr("Lock or hide controls"));
    auto* intro = new QLabel(tr("What the class may use. A locked control shows its value but "
                                "cannot be changed; a hidden one is not shown. A lesson can lock "
                                "or hide more while it is open."));
    intro->setWordWrap(true);
    auto* form = new QFormLayout;
    for (const std::string& control : lessonControls()) {
        auto* choice = new QComboBox;
        choice->setObjectName(QString::fromStdString(control));
        choice->addItem(tr("Open"), static_cast<int>(ControlAccess::Open));
        choice->addItem(tr("Locked"), static_cast<int>(ControlAccess::Locked));
        choice->addItem(tr("Hidden"), static_cast<int>(ControlAccess::Hidden));
        choice->setCurrentIndex(static_cast<int>(accessOf(access, control)));
        form->addRow(controlTitle(control), choice);
        choices_[control] = choice;
    }
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel |
                                         QDialogButtonBox::Reset);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    buttons->button(QDialogButtonBox::Reset)->setText(tr("Open all"));
    connect(buttons->button(QDialogButtonBox::Reset), &QPushButton::clicked, this, [this] {
        for (auto& [control, choice] : choices_) choice->setCurrentIndex(0);
    });
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

ControlAccessMap ControlAccessDialog::access() const {
    ControlAccessMap access;
    for (const auto& [control, choice] : choices_) {
        const auto how = static_cast<ControlAccess>(choice->currentData().toInt());
        if (how != ControlAccess::Open) access[control] = how;
    }
    return access;
}

ControlAccessMap ControlAccessDialog::remembered() {
    // Written by remember(): "dataset=locked,optimizer=hidden".
    ControlAccessMap access;
    const QStringList entries = QSettings().value(kSettingsKey).toString().split(u',');
    for (const QString& entry : entries) {
        const QStringList parts = entry.split(u'=');
        if (parts.size() != 2) continue;
        const std::string control = parts[0].toStdString();
        const auto& known = lessonControls();
        if (std::find(known.begin(), known.end(), control) == known.end()) continue;
        if (parts[1] == QLatin1String("locked")) access[control] = ControlAccess::Locked;
        else if (parts[1] == QLatin1String("hidden")) access[control] = ControlAccess::Hidden;
    }
    return access;
}

void ControlAccessDialog::remember(const ControlAccessMap& access) {
    QStringList entries;
    for (const auto& [control, how] : access)
        if (how != ControlAccess::Open)
            entries << QStringLiteral("%1=%2").arg(
                QString::fromStdString(control),
                how == ControlAccess::Locked ? QStringLiteral("locked") : QStringLiteral("hidden"));
    QSettings().setValue(kSettingsKey, entries.join(u','));
}

}  // namespace koto::gui
