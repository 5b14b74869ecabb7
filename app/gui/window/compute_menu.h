#pragma once
// The Compute menu: the CPU (Eigen) and every OpenCL device discovery found (name, vendor,
// memory and compute units in its tooltip), one of them checked; and the CPU's threads (every
// core, or 1 to the number of cores). The choices are remembered in the settings and restored
// at the next start (the device when it is still there).

#include <QMenu>
#include <vector>

#include "opencl_devices.h"
#include "training/compute_backend.h"

class QActionGroup;

namespace koto::gui {

class ComputeMenu : public QMenu {
    Q_OBJECT
public:
    ComputeMenu(const OpenClDiscovery& discovery, QWidget* parent = nullptr);

    // The device checked: the remembered one if it is still there, else the CPU.
    ComputeDevice current() const;
    // The CPU threads checked: 0 for every core.
    int threads() const;
    // For this session only (kotohajime --threads N): N threads checked, not remembered; 0
    // forgets it. Call before the menu is made.
    static void askThreadsThisSession(int threads);

signals:
    // The learner chose another device (already remembered).
    void deviceChosen(const koto::gui::ComputeDevice& device);
    // The learner chose the CPU's threads, 0 for every core (already remembered).
    void threadsChosen(int threads);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void addThreadsMenu();
    static ComputeDevice deviceOf(const OpenClDevice& found);

    std::vector<OpenClDevice> devices_;
    QString problem_;  // why there is no OpenCL device ("" when there is one)
    QActionGroup* group_;
    QAction* cpu_;
    std::vector<QAction*> deviceActions_;
    QAction* none_;  // says that no OpenCL device was found, and why
    QMenu* threadsMenu_;
    std::vector<QAction*> threadActions_;  // every core, then 1, 2, ... threads
};

}  // namespace koto::gui
