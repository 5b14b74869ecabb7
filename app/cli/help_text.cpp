#include "commands.h"

namespace koto::cli {

std::string helpText(const std::string& command) {
    if (command == "train")
        return R"(kotohajime-cli train: train a network and print its learning curve

  --dataset SPEC     a dataset, e.g. spiral or spiral:n=500,noise=0.2,test=0.5,seed=3 (default spiral);
                     sequences for recurrent layers: sine[:window=W,noise=S] (the next value of a
                     noisy sine wave), firstbit:LEN and parity:LEN (the first bit or the parity of
                     LEN random bits), seqimg:fashion-mnist (an image's 28 rows as 28 time steps);
                     with targets=every sine, firstbit and parity ask at every time step (the next
                     value, the first bit, the parity so far), e.g. sine:targets=every for seq:many;
                     kotohajime-cli datasets lists every dataset and its options
  --layers SPEC      hidden layers, e.g. dense:8:tanh,dense:8:tanh (default); the output layer is
                     added to fit the dataset unless the last token is one. Also dropout:P
                     (keep probability P while training) and noise:S (Gaussian noise of standard
                     deviation S while training), e.g. noise:0.1,dense:16:relu,dropout:0.5.
                     For images: conv:F:K[:S[:P]][:ACT] (F filters of K x K, stride S default 1,
                     zero padding P default 0, activation default relu), maxpool:K and avgpool:K
                     (K x K windows moved by K), flatten (images to vectors: a dense layer after
                     conv or pool layers needs one), e.g.
                     conv:6:5,maxpool:2,conv:16:5,maxpool:2,flatten,dense:120:relu,dense:84:relu
                     For sequences: rnn:U[:ACT][:INIT] (SimpleRNN of U units, h(t) =
                     s(x(t) Wx + h(t-1) Wh + b), activation default tanh) and lstm:U[:INIT], INIT
                     the recurrent weights' start: uniform (default, +-1/sqrt(U)), xavier or
                     orthogonal. They output every time step; then seq:last (the last step only:
                     one answer per sequence), e.g. lstm:64,seq:last or
                     rnn:32:tanh:orthogonal,seq:last; or seq:many (an answer at every step, the
                     layers after it applied to each step alike; the loss is the mean over all
                     steps), for data with a target at every step: --dataset sine:targets=every
                     --layers lstm:16,seq:many
  --loss ce|bce|mse  cross-entropy with softmax (default for classes), binary cross-entropy with
                     one sigmoid unit, or mean squared error (default for regression)
  --optimizer NAME   sgd (default): w = w - lr * dJ/dw
                     momentum: v = mu * v - lr * g; w += v
                     nesterov: v = mu * v - lr * g; w += mu * v - lr * g
                     adagrad: cache += g^2; w -= lr * g / (sqrt(cache) + 1e-10)
                     rmsprop: cache = decay * cache + (1 - decay) * g^2; v = mu * v - lr * g / (sqrt(cache) + eps); w += v
                     adam: bias-corrected moments, beta1 0.9, beta2 0.999
  --momentum MU      mu of momentum, nesterov and rmsprop (default 0.9; 0 for plain rmsprop)
  --decay D          rmsprop's cache decay (default 0.99)
  --lr X             learning rate (default 0.03), A of the schedule
  --schedule S       constant (default), step:EVERY:FACTOR (step:10:0.5 halves every 10 epochs),
                     inverse:K (A / (1 + K t)) or exp:K (A exp(-K t)), t the epoch from 0
  --l1 X, --l2 X     penalties added to the cost: J + l1 sum |w| + l2 sum w^2 (default 0); L1
                     leaves weights at exactly 0
  --regularize-biases  apply them to the biases b too, as the curriculum's formulas do
  --validation F     hold out this share of the training data for validation (default 0, or 0.2
                     with --early-stop)
  --early-stop N     stop when the validation loss has not improved for N epochs and go back to
                     the weights of its best epoch
  --augment SPEC     change every training image a little each time it is used, e.g.
                     translate=2,rotate=10,flip: translate=PIXELS (whole pixels each way),
                     rotate=DEGREES (either way), flip (mirror half the time; fashion-mnist only,
                     a mirrored digit is no digit), brightness=B (+-B, pixels are 0..1),
                     contrast=C (times 1-C..1+C); see the images with kotohajime-cli samples
  --clip-norm X      gradient clipping: before each update, if the norm of all gradients together
                     is above X, scale them down to X (against exploding gradients in recurrent
                     networks; default 0, off)
  --print-period N   every N batches also print the batch's loss and the test data's cost and
                     error rate (the curriculum's print_period)
  --batch N          mini-batch size: 1 is stochastic, the training-set size is batch GD (default 10)
  --epochs N         passes over the training data (default 100)
  --seed N           initial weights and batch order (default 1)
  --backend B        where to compute: cpu (default; Eigen), opencl (the first OpenCL device) or
                     opencl:N (device N as kotohajime-cli devices numbers them). If OpenCL cannot
                     be used, one line on stderr says why and training runs on the CPU; if the
                     device fails while training, the CPU goes on from its last finished step
  --project FILE     continue training a saved project (its network, settings and weights)
  --save FILE.koto   save the trained project
  --confusion        the test data's confusion matrix and per-class accuracy at the end
  --json             one JSON object per epoch and a last one with "final":true

 unsupervised models (part 12), instead of --layers; --dataset is then required:
  --model autoencoder:SIZES[:ACT]  an autoencoder trained to reconstruct its inputs (T = X):
                     autoencoder:256,64 is the encoder 784-256-64 and the mirrored decoder
                     64-256-784 (sigmoid output); hidden activation ACT default relu; prints the
                     reconstruction MSE per pixel each epoch. --loss mse (default) or bce,
                     --denoise S (noise of standard deviation S on the input only, the clean input
                     as target), --tied (decoder W = encoder W^T)
  --model rbm:M      a Bernoulli RBM of M hidden units (inputs in [0, 1]) trained by contrastive
                     divergence: --cd K (CD-k, default 1), --persistent (PCD: the chains carry on
                     between steps); prints the reconstruction error and mean free energy each epoch
  --pretrain rbm|autoencoder  for a classifier: first train an RBM or a one-layer autoencoder of
                     the first dense layer's size on the inputs (--pretrain-epochs N, default 5;
                     --cd, --persistent, --denoise, --tied as above), copy its W and hidden bias into
                     that layer, then train the classifier as usual. --pretrain-data SPEC pre-trains
                     on another dataset's inputs (labels unused), e.g. all 60,000 fashion-mnist
                     images for a classifier given only fashion-mnist:n=1000
)";
    if (command == "eval")
        return R"(kotohajime-cli eval: loss and accuracy (or RMSE) of a trained project

  --project FILE.koto   the project
  --dataset SPEC        evaluate on this dataset instead of the project's
  --backend B           cpu (default), opencl or opencl:N, as for train
  --json                one JSON object
)";
    if (command == "predict")
        return R"(kotohajime-cli predict: run a trained project on new inputs

  --project FILE.koto   the project
  --input IN.csv        one sample per row, comma-separated numbers (a header line is allowed);
                        for a network trained on images, pixels from 0 to 255 as in the training
                        files (Kaggle's test.csv of the digit recognizer, for instance)
  --output OUT.csv      where to write the predictions (default: standard output); a network
                        ending in seq:many answers at every time step: a line per input row and
                        step, both named in the first two columns (row,step,...)
  --backend B           cpu (default), opencl or opencl:N, as for train
)";
    if (command == "export")
        return R"(kotohajime-cli export: take a trained project with you

  --project FILE.koto   the project
  --format F            onnx     an ONNX model (opset 13) that ONNX Runtime and other tools run:
                                 input X [N, ...], output Y (probabilities, values, the
                                 reconstruction or an RBM's p(h|v)); pixels 0-255 are divided by
                                 255 inside the model
                        npz      every parameter as a float32 NumPy array named as the curriculum
                                 names it (W, b, V, c; W1, b1, ...; conv1_W, lstm1_Wx ...) and
                                 "layers", a JSON description: numpy.load(F, allow_pickle=False)
                        numpy    a Python script with forward(X) written with the curriculum's
                                 formulas in NumPy, its weights in an .npz beside it
                        pytorch  a Python script with the network as a torch.nn.Module, to go on
                                 training in PyTorch, its weights in an .npz beside it
                        curves   the learning curves as CSV, an epoch a line
                        confusion  the test data's confusion matrix as CSV
  --out PATH            the file to write (numpy and pytorch also write PATH with .npz)
  --backend B           for confusion: cpu (default), opencl or opencl:N
)";
    if (command == "import")
        return R"(kotohajime-cli import: open an ONNX model as a Kotohajime project

  --onnx FILE.onnx      a chain of Gemm or MatMul + Add, Sigmoid, Tanh, Relu, Softmax, Conv,
                        MaxPool, AveragePool, Flatten or Reshape, RNN, LSTM, Dropout, Identity and
                        Pad of width 0, as Kotohajime and torch.onnx.export write them; anything
                        else is refused, naming the operator and node
  --dataset SPEC        the data it works on (its input size must match the model's)
  --save FILE.koto      the project to write: eval, predict, train --project and the app open it
)";
    if (command == "race")
        return R"(kotohajime-cli race: optimizers side by side (part 10), from the same initial
weights (one seed) on the same mini-batch order, so that they differ only in how they step

  --optimizers LIST     2 to 8 optimizers NAME[:PARAM][@RATE], e.g. sgd,momentum:0.9,adam@0.001:
                        PARAM is mu for momentum and nesterov, the decay for rmsprop
                        (rmsprop:DECAY:MU); @RATE a learning rate of its own instead of --lr
  --dataset, --layers, --loss, --lr, --batch, --epochs, --seed, --momentum, --decay, --schedule,
  --l1, --l2, --augment, --clip-norm, --backend: as for train, for every optimizer
  --json                a JSON object per optimizer per epoch, with "optimizer" and "epoch",
                        from epoch 0 (the shared start, before any step); an optimizer that
                        diverges leaves the race with a line saying so ("diverged": true)
)";
    if (command == "sweep")
        return R"(kotohajime-cli sweep: train every combination of one or two hyperparameters

  --vary OPTION=V1,V2,...  the values of a training option: lr, batch, epochs, seed, optimizer,
                        momentum, decay, schedule, l1, l2, augment, clip-norm, validation,
                        early-stop, loss, or layers (alternatives apart with ";", e.g.
                        --vary "layers=dense:4:tanh;dense:16:tanh"); once or twice
  the other options of train (--dataset, --layers, --lr, ...) for every combination
  --json                a JSON object per combination when it has trained: the varied values
                        under their option names, then its final metrics as train prints them
Every combination is checked before the first trains; each trains as train would with its
options (the same seed gives the same numbers).
)";
    if (command == "animate")
        return R"(kotohajime-cli animate: a project's run history as an animated GIF, for slides

  --project FILE     a .koto project that keeps a history of checkpoints (train --save keeps
                     one, as the app's saves do)
  --view VIEW        boundary (the decision boundary, 2-D data), gallery (the first test images
                     and the network's answers), weights, or curve (the learning curve, a line
                     at the epoch shown)
  --out FILE.gif     the animation, written whole or not at all
  --lang en|ja       the language of the captions and the views (default en)
One frame for each checkpoint the run keeps, oldest first: the view as it was after that epoch,
drawn by the app's own views (as kotohajime --project FILE --animate VIEW --out FILE.gif does),
with the epoch, the test loss and the test accuracy (regression: RMSE) under it; a quarter of a
second each, the last held for two, looping for ever.
)";
    if (command == "gradcheck")
        return R"(kotohajime-cli gradcheck: analytic gradients against finite differences, in double

  --dataset SPEC --layers SPEC [--loss ce|bce|mse] [--seed N] [--samples N (16)] [--json]
  any layers train takes, conv and pooling included, e.g. --dataset fashion-mnist:n=16
  --layers conv:3:3:2:1:tanh,maxpool:2,avgpool:2,flatten
  or recurrent ones, e.g. --dataset firstbit:6 --layers rnn:4,lstm:3:orthogonal,seq:last
  fourth-order central differences with h = 1e-4 on the first N training samples;
  prints, per parameter tensor, the largest relative error |analytic - numeric| / max(|a|, |n|)
)";
    if (command == "bptt")
        return R"(kotohajime-cli bptt: how much gradient reaches each time step, at initialisation or later

  --dataset SPEC     a sequence dataset (default firstbit:20)
  --layers SPEC      layers with a recurrent one, e.g. rnn:32,seq:last (default) or lstm:32,seq:last
  --init I           start every recurrent layer's weights as uniform, xavier or orthogonal
                     (default: as the tokens say, uniform unless given)
  --seed N           initial weights (default 1)
  --samples N        the first N training samples as one batch (default 64)
  --epochs N         train first for N epochs with Adam (default 0: at initialisation),
                     --lr X (0.01) and --batch B (32)
  --json             one line a step: {"step":1,"grad_norm":...} (and "cell_grad_norm" and
                     "forget_gate_mean" for an LSTM)
  one forward and backward pass (in double); for the first recurrent layer, the norm over the
  batch and the units of dJ/dh(t) at every step t, and for an LSTM of dJ/dc(t) and the mean
  forget gate f(t): through a SimpleRNN the gradient usually fades going back to t = 1, through
  an LSTM's cell it survives longer, the more so as the forget gates near 1
)";
    if (command == "samples")
        return R"(kotohajime-cli samples: an image dataset's samples and their augmented copies, as a picture

  --out FILE.pgm     the picture (grayscale PGM): one sample a row, the original first
  --dataset SPEC     an image dataset (default fashion-mnist)
  --augment SPEC     as train's --augment, e.g. translate=2,rotate=10,flip
  --variants V       augmented copies of each sample (default 4 with --augment)
  --count N          samples (default 8), from --first K (default 1)
  --test             from the test part instead of the training part
  --seed N           the seed the copies are drawn with (default 1), as training draws them
  --scale Z          each pixel as Z x Z (default 3)
  prints each sample's label and class name
)";
    if (command == "templates")
        return "kotohajime-cli templates [--json]: the ready-made networks, each with its title, "
               "what it shows and\n"
               "the dataset it was made for\n";
    if (command == "lessons")
        return "kotohajime-cli lessons [--json]: the lessons the app lists (built in, and those in\n"
               "~/.local/share/kotohajime/lessons), each with its id, curriculum part, titles in "
               "English and\n"
               "Japanese and its tasks; a lesson that cannot be read is named on standard error "
               "with the\n"
               "file and field at fault (docs/lessons.md describes the format)\n";
    if (command == "lesson-check")
        return R"(kotohajime-cli lesson-check: a lesson's checks, task by task

  --lesson ID        a lesson's id (kotohajime-cli lessons), or the path of a lesson's folder
  --project F.koto   a saved run (a student's project): is each task's check met by it?
  --solutions        train each task's solution from the lesson's preset, and see its check
                     fail before and hold after (for a lesson's author)
  --json             one JSON object a task
  exits 0 when every check is met (every solution works), 1 when one is not
)";
    if (command == "datasets")
        return "kotohajime-cli datasets [--json]: the datasets a SPEC can name, and their "
               "options\n";
    if (command == "devices")
        return "kotohajime-cli devices [--json]: the CPU backend and every OpenCL device found "
               "(PoCL included),\n"
               "each with the --backend value that chooses it (cpu, opencl:0, opencl:1, ...)\n";
    return R"(kotohajime-cli: Kotohajime's deep-learning core, scriptable

commands:
  train      train a network (or an autoencoder or RBM) on a dataset and print its learning curve
  eval       evaluate a trained .koto project
  predict    predict with a trained project on a CSV of inputs
  export     a trained project as ONNX, NPZ, NumPy or PyTorch code; its curves or confusion matrix
  import     an ONNX model as a project, ready to evaluate, step through and train
  race       several optimizers train one network from the same start, epoch by epoch
  sweep      train every combination of one or two hyperparameters' values
  animate    a project's run history as an animated GIF (the boundary, weights or curve by epoch)
  gradcheck  check the gradients of a network against finite differences
  bptt       the gradient norm at every time step of a recurrent network (vanishing gradients)
  datasets   list the datasets
  templates  list the ready-made networks (kotohajime --template NAME opens one)
  samples    draw an image dataset's samples and their augmented copies into a picture
  devices    list the compute backends and OpenCL devices
  lessons    list the lessons (kotohajime --lesson ID opens one)
  lesson-check  a lesson's checks against a saved run, or against the lesson's own solutions

kotohajime-cli COMMAND --help shows a command's options. Every command also takes
--threads N: the CPU backend's threads (default: every core); results are the same with any N.
exit codes: 0 success (1: lesson-check found a check not met), 2 usage error, 3 bad input (or a network too large for the memory),
4 training diverged (NaN, infinity or a loss that grew 10000-fold), 5 the output could not be written
)";
}

}  // namespace koto::cli
