#include "inspect/step_tracer.h"

#include <algorithm>

#include "layers/recurrent_layer.h"

namespace koto {

void StepTracer::arm(int32_t sample) {
    state_ = State::Armed;
    sample_ = sample;
}

std::optional<StepTrace> StepTracer::take() {
    if (state_ != State::Done) return std::nullopt;
    state_ = State::Idle;
    return std::move(trace_);
}

TracedTensor StepTracer::download(const std::string& name, const Tensor& tensor) const {
    TracedTensor traced{name, tensor.rows(), tensor.cols(),
                        std::vector<float>(static_cast<size_t>(tensor.size()))};
    trainer_.network().backend().download(tensor, std::span<float>(traced.values));
    return traced;
}

std::vector<TracedTensor> StepTracer::download(const std::vector<TracedBuffer>& buffers) const {
    std::vector<TracedTensor> traced;
    for (const TracedBuffer& buffer : buffers)
        traced.push_back(download(buffer.name, *buffer.tensor));
    return traced;
}

void StepTracer::addPenaltyConstants(TraceStage& stage) const {
    const TrainingSettings& settings = trainer_.settings();
    if (settings.l1 > 0) stage.scalars.push_back({"l1", settings.l1});
    if (settings.l2 > 0) stage.scalars.push_back({"l2", settings.l2});
}

void StepTracer::beforeLayer(Pass pass, int layerIndex) {
    if (state_ == State::Idle || state_ == State::Done) return;
    Network& network = trainer_.network();
    if (pass == Pass::Forward && layerIndex == 0) {  // a step begins (a cancelled one starts over)
        state_ = State::Recording;
        trace_ = StepTrace();
        trace_.spec = network.spec();
        trace_.optimizer = std::string(trainer_.optimizer().name());
        trace_.seed = trainer_.settings().seed;
        trace_.step = trainer_.stepsDone() + 1;
        trace_.oneSample = sample_ >= 0;
        trace_.sample = sample_;
        update_ = TraceStage{};
        update_.kind = StageKind::Update;
        return;
    }
    if (state_ != State::Recording) return;
    if (pass == Pass::Backward && layerIndex == network.layerCount() - 1) {
        // The loss was computed between the passes: Y, T and J as the trainer has them now.
        TraceStage loss;
        loss.kind = StageKind::Loss;
        loss.tensors.push_back(download("Y", network.predictions()));
        loss.tensors.push_back(download("T", trainer_.stepTargets()));
        loss.scalars.push_back({"J", trainer_.stepCost()});
        if (trainer_.stepPenalty() != 0)
            loss.scalars.push_back({"penalty", trainer_.stepPenalty()});
        addPenaltyConstants(loss);
        loss.scalars.push_back({"N", static_cast<double>(trainer_.stepTargets().rows())});
        // After seq:many the loss's N rows are the batch's sequences x their time steps.
        if (const int64_t steps = network.outputRowsPerSample(); steps > 1)
            loss.scalars.push_back({"steps", static_cast<double>(steps)});
        trace_.stages.push_back(std::move(loss));
    }
}

void StepTracer::afterLayer(Pass pass, int layerIndex) {
    if (state_ != State::Recording) return;
    Network& network = trainer_.network();
    Backend& backend = network.backend();
    Layer& layer = network.layer(layerIndex);
    const bool forward = pass == Pass::Forward;
    TraceStage stage;
    stage.kind = forward ? StageKind::Forward : StageKind::Backward;
    stage.layer = layerIndex;
    stage.tensors = download(forward ? layer.forwardTrace(backend) : layer.backwardTrace(backend));
    if (const auto* recurrent = dynamic_cast<const RecurrentLayer*>(&layer);
        recurrent && !forward) {
        stage.hiddenGradientNorms = recurrent->hiddenGradientNorms();
        stage.cellGradientNorms = recurrent->cellGradientNorms();
    }
    trace_.stages.push_back(std::move(stage));
    if (forward || layerIndex != 0) return;

    // The backward pass is over and the update comes next: keep what it starts from.
    Optimizer& optimizer = trainer_.optimizer();
    update_.scalars.push_back({"learning rate", trainer_.currentLearningRate()});
    for (const auto& [name, value] : optimizer.constants())
        update_.scalars.push_back({name, value});
    addPenaltyConstants(update_);
    const std::vector<NamedParameter>& parameters = network.parameters();
    for (size_t i = 0; i < parameters.size(); ++i) {
        const NamedParameter& p = parameters[i];
        ParameterUpdate update;
        update.id = p.id;
        update.name = p.parameter->name;
        // The rule of training/regularization.h: biases only when asked.
        update.regularized = trainer_.settings().regularizeBiases || update.name != "b";
        for (int l = 0; l < network.layerCount(); ++l)
            if (network.layer(l).name() == p.layer) update.layer = l;
        update.before = download(p.parameter->name, p.parameter->value);
        update.stateBefore = download(optimizer.state(i));
        update_.updates.push_back(std::move(update));
    }
}

void StepTracer::afterStep(const StepReport&) {
    if (state_ != State::Recording) return;
    Network& network = trainer_.network();
    Optimizer& optimizer = trainer_.optimizer();
    const std::vector<NamedParameter>& parameters = network.parameters();
    for (size_t i = 0; i < parameters.size() && i < update_.updates.size(); ++i) {
        ParameterUpdate& update = update_.updates[i];
        const Parameter& p = *parameters[i].parameter;
        // The optimizer leaves the gradient as it used it: dJ/dw with L2's 2 l2 w added.
        update.gradient = download("g", p.gradient);
        update.after = download(p.name, p.value);
        update.stateAfter = download(optimizer.state(i));
        // State made by this first update started at zero.
        for (size_t s = 0; s < update.stateAfter.size(); ++s) {
            const TracedTensor& after = update.stateAfter[s];
            const bool known =
                std::any_of(update.stateBefore.begin(), update.stateBefore.end(),
                            [&](const TracedTensor& t) { return t.name == after.name; });
            if (!known)
                update.stateBefore.insert(
                    update.stateBefore.begin() +
                        static_cast<std::ptrdiff_t>(std::min(s, update.stateBefore.size())),
                    TracedTensor{after.name, after.rows, after.cols,
                                 std::vector<float>(after.values.size(), 0.0f)});
        }
    }
    trace_.stages.push_back(std::move(update_));
    state_ = State::Done;
}

std::optional<StepTrace> traceStep(Trainer& trainer, int32_t sample) {
    StepTracer tracer(trainer);
    trainer.addObserver(&tracer);
    tracer.arm(sample);
    struct Detach {  // also when the step throws (a divergence)
        Trainer& trainer;
        StepTracer& tracer;
        ~Detach() { trainer.removeObserver(&tracer); }
    } detach{trainer, tracer};
    const int32_t rows[] = {sample};
    const bool done = sample >= 0 ? trainer.stepOn(rows) : trainer.step();
    if (!done) return std::nullopt;
    return tracer.take();
}

}  // namespace koto
