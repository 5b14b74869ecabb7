#include "training/compute_status_text.h"

#include <QCoreApplication>

#include "training/run_snapshot.h"

namespace koto::gui {

QString computeStatusText(const RunSnapshot& snapshot) {
    const QString& device = snapshot.backendName;
    if (snapshot.preparingKernels)
        return QCoreApplication::translate(
                   "ComputeStatus", "Preparing GPU kernels on %1… (the first time takes seconds)")
            .arg(device);
    if (snapshot.kernelSeconds > 0)
        return (snapshot.paused
                    ? QCoreApplication::translate(
                          "ComputeStatus", "Paused: computes on %1 (kernels prepared in %2 s)")
                    : QCoreApplication::translate("ComputeStatus",
                                                  "Computing on %1 (kernels prepared in %2 s)"))
            .arg(device)
            .arg(snapshot.kernelSeconds, 0, 'f', 1);
    return (snapshot.paused ? QCoreApplication::translate("ComputeStatus", "Paused: computes on %1")
                            : QCoreApplication::translate("ComputeStatus", "Computing on %1"))
        .arg(device);
}

}  // namespace koto::gui
