#pragma once
// Shape inference on a draft, run after every edit: the shape each node gives, why a node cannot
// work (core's SpecError message, or that it is not connected), and the spec core would train
// when the draft is one complete chain. Play is enabled only when `network` is set.

#include <QCoreApplication>
#include <QString>
#include <map>
#include <optional>

#include "data/data_shape.h"
#include "editor/network_draft.h"

namespace koto::gui {

struct DraftCheck {
    Q_DECLARE_TR_FUNCTIONS(koto::gui::DraftCheck)
public:
    // One sample's shape after each node that could be inferred (kInputNode: the data's).
    std::map<std::string, std::vector<int64_t>> shapes;
    // Why a node (or kOutputNode) cannot work, in the user's language where it is ours to say.
    std::map<std::string, QString> errors;
    // The first of those reasons in the chain's order: why Play is disabled ("" when it is not).
    QString problem;
    // The chain as the spec core trains, when there is no error at all.
    std::optional<NetworkSpec> network;

    static DraftCheck of(const NetworkDraft& draft, const DataShape& data);
};

// "N x 6 x 24 x 24": a mini-batch of N samples of this shape.
QString batchShapeText(const std::vector<int64_t>& sampleShape);

}  // namespace koto::gui
