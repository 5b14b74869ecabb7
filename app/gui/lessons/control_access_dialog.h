#pragma once
// Lessons > Lock or hide controls…: a teacher chooses, control by control, what a class may use
// (TensorFlow Playground's URL flags, as a dialog): open, shown but locked, or hidden. Kept in the
// settings, so that a classroom computer starts the same way; a lesson's own choices apply on top.

#include <QDialog>
#include <map>

#include "lessons/control_access.h"

class QComboBox;

namespace koto::gui {

class ControlAccessDialog : public QDialog {
    Q_OBJECT
public:
    explicit ControlAccessDialog(const ControlAccessMap& access, QWidget* parent = nullptr);
    ControlAccessMap access() const;

    // The teacher's choices as the settings keep them, and back (unknown names are left out).
    static ControlAccessMap remembered();
    static void remember(const ControlAccessMap& access);
    // A control's name as the learner sees it, in the interface's language.
    static QString controlTitle(const std::string& control);

private:
    std::map<std::string, QComboBox*> choices_;
};

}  // namespace koto::gui
