<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>UiText</name>
    <message>
        <source>Circle</source>
        <translation>Circle</translation>
    </message>
    <message>
        <source>Exclusive or (XOR)</source>
        <translation>Exclusive or (XOR)</translation>
    </message>
    <message>
        <source>Two Gaussians</source>
        <translation>Two Gaussians</translation>
    </message>
    <message>
        <source>Spiral</source>
        <translation>Spiral</translation>
    </message>
    <message>
        <source>Two moons</source>
        <translation>Two moons</translation>
    </message>
    <message>
        <source>Plane (regression)</source>
        <translation>Plane (regression)</translation>
    </message>
    <message>
        <source>Multi-Gaussian (regression)</source>
        <translation>Multi-Gaussian (regression)</translation>
    </message>
    <message>
        <source>Linear</source>
        <translation>Linear</translation>
    </message>
    <message>
        <source>Sigmoid</source>
        <translation>Sigmoid</translation>
    </message>
    <message>
        <source>Tanh</source>
        <translation>Tanh</translation>
    </message>
    <message>
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <source>Softmax</source>
        <translation>Softmax</translation>
    </message>
    <message>
        <source>cross-entropy</source>
        <translation>cross-entropy</translation>
    </message>
    <message>
        <source>binary cross-entropy</source>
        <translation>binary cross-entropy</translation>
    </message>
    <message>
        <source>mean squared error</source>
        <translation>mean squared error</translation>
    </message>
    <message>
        <source>Fashion-MNIST (clothing images)</source>
        <translation>Fashion-MNIST (clothing images)</translation>
    </message>
    <message>
        <source>Images in IDX files (MNIST)…</source>
        <translation>Images in IDX files (MNIST)…</translation>
    </message>
    <message>
        <source>Table in a CSV file…</source>
        <translation>Table in a CSV file…</translation>
    </message>
    <message>
        <source>T-shirt/top</source>
        <translation>T-shirt/top</translation>
    </message>
    <message>
        <source>Trouser</source>
        <translation>Trouser</translation>
    </message>
    <message>
        <source>Pullover</source>
        <translation>Pullover</translation>
    </message>
    <message>
        <source>Dress</source>
        <translation>Dress</translation>
    </message>
    <message>
        <source>Coat</source>
        <translation>Coat</translation>
    </message>
    <message>
        <source>Sandal</source>
        <translation>Sandal</translation>
    </message>
    <message>
        <source>Shirt</source>
        <translation>Shirt</translation>
    </message>
    <message>
        <source>Sneaker</source>
        <translation>Sneaker</translation>
    </message>
    <message>
        <source>Bag</source>
        <translation>Bag</translation>
    </message>
    <message>
        <source>Ankle boot</source>
        <translation>Ankle boot</translation>
    </message>
</context>
<context>
    <name>koto::gui::AugmentationPanel</name>
    <message>
        <source>Data augmentation</source>
        <translation>Data augmentation</translation>
    </message>
    <message>
        <source>More data from the data you have: each time a training image is used it is changed a little at random, so the network must learn what stays the same. Test images are never changed.</source>
        <translation>More data from the data you have: each time a training image is used it is changed a little at random, so the network must learn what stays the same. Test images are never changed.</translation>
    </message>
    <message>
        <source>For image data only.</source>
        <translation>For image data only.</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>Shift</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>Move each image by up to this many pixels left or right and up or down</source>
        <translation>Move each image by up to this many pixels left or right and up or down</translation>
    </message>
    <message>
        <source>Rotation</source>
        <translation>Rotation</translation>
    </message>
    <message>
        <source>Turn each image by up to this many degrees either way</source>
        <translation>Turn each image by up to this many degrees either way</translation>
    </message>
    <message>
        <source>Mirror left-right</source>
        <translation>Mirror left-right</translation>
    </message>
    <message>
        <source>Mirror half of the images: a mirrored shirt is still a shirt</source>
        <translation>Mirror half of the images: a mirrored shirt is still a shirt</translation>
    </message>
    <message>
        <source>Not for this data: a mirrored image may belong to another class (a mirrored 2 is no 2)</source>
        <translation>Not for this data: a mirrored image may belong to another class (a mirrored 2 is no 2)</translation>
    </message>
    <message>
        <source>Brightness</source>
        <translation>Brightness</translation>
    </message>
    <message>
        <source>Add or take away up to this much from every pixel (pixels run from 0 to 1)</source>
        <translation>Add or take away up to this much from every pixel (pixels run from 0 to 1)</translation>
    </message>
    <message>
        <source>Contrast</source>
        <translation>Contrast</translation>
    </message>
    <message>
        <source>Multiply the contrast by a factor between 1 − C and 1 + C</source>
        <translation>Multiply the contrast by a factor between 1 − C and 1 + C</translation>
    </message>
</context>
<context>
    <name>koto::gui::ComputeMenu</name>
    <message>
        <source>&amp;Compute</source>
        <translation>&amp;Compute</translation>
    </message>
    <message>
        <source>CPU (Eigen)</source>
        <translation>CPU (Eigen)</translation>
    </message>
    <message>
        <source>This computer&apos;s processor, one core</source>
        <translation>This computer&apos;s processor, one core</translation>
    </message>
    <message>
        <source>OpenCL: %1</source>
        <translation>OpenCL: %1</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 GiB · %4 compute units</source>
        <translation>%1 · %2 · %3 GiB · %4 compute units</translation>
    </message>
    <message>
        <source>No OpenCL device: %1</source>
        <translation>No OpenCL device: %1</translation>
    </message>
</context>
<context>
    <name>koto::gui::ConfusionMatrixView</name>
    <message>
        <source>Test data: each row a true class, each column the network&apos;s answer; right answers on the diagonal.</source>
        <translation>Test data: each row a true class, each column the network&apos;s answer; right answers on the diagonal.</translation>
    </message>
    <message>
        <source>Press Step or Play: the matrix appears after the first epoch.</source>
        <translation>Press Step or Play: the matrix appears after the first epoch.</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>accuracy</translation>
    </message>
</context>
<context>
    <name>koto::gui::DatasetPanel</name>
    <message>
        <source>Data</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>Regenerate</translation>
    </message>
    <message>
        <source>Draw new random points with the same settings</source>
        <translation>Draw new random points with the same settings</translation>
    </message>
    <message>
        <source>Noise: %1 %</source>
        <translation>Noise: %1 %</translation>
    </message>
    <message>
        <source>Test data: %1 %</source>
        <translation>Test data: %1 %</translation>
    </message>
    <message>
        <source>The share of points held out to test how well the network generalises</source>
        <translation>The share of points held out to test how well the network generalises</translation>
    </message>
    <message>
        <source>Folder with the four IDX files</source>
        <translation>Folder with the four IDX files</translation>
    </message>
    <message>
        <source>Table of numbers</source>
        <translation>Table of numbers</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV files (*.csv);;All files (*)</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>Choose folder…</source>
        <translation>Choose folder…</translation>
    </message>
    <message>
        <source>What to learn from: points of the plane (orange and blue are the two classes), images of clothes, your own MNIST files or a table of numbers</source>
        <translation>What to learn from: points of the plane (orange and blue are the two classes), images of clothes, your own MNIST files or a table of numbers</translation>
    </message>
    <message>
        <source>Training images</source>
        <translation>Training images</translation>
    </message>
    <message>
        <source>Use the first this many training images (fewer train faster)</source>
        <translation>Use the first this many training images (fewer train faster)</translation>
    </message>
</context>
<context>
    <name>koto::gui::DecisionBoundaryView</name>
    <message>
        <source>x₁</source>
        <translation>x₁</translation>
    </message>
    <message>
        <source>x₂</source>
        <translation>x₂</translation>
    </message>
    <message>
        <source>The network&apos;s output over the input plane. Filled points: training data; outlined points: test data.</source>
        <translation>The network&apos;s output over the input plane. Filled points: training data; outlined points: test data.</translation>
    </message>
</context>
<context>
    <name>koto::gui::DescentLessonView</name>
    <message>
        <source>Part 7: J = x² + x, from x = 2</source>
        <translation>Part 7: J = x² + x, from x = 2</translation>
    </message>
    <message>
        <source>Part 9: cost = u·u + u + 1, from u = 20</source>
        <translation>Part 9: cost = u·u + u + 1, from u = 20</translation>
    </message>
    <message>
        <source>Steps:</source>
        <translation>Steps:</translation>
    </message>
    <message>
        <source>learning rate %1</source>
        <translation>learning rate %1</translation>
    </message>
    <message>
        <source>Each step multiplies the distance to the minimum %1 = %2 by %3: it creeps down one side of the valley.</source>
        <translation>Each step multiplies the distance to the minimum %1 = %2 by %3: it creeps down one side of the valley.</translation>
    </message>
    <message>
        <source>The step overshoots: the distance to the minimum is multiplied by %1, so %2 bounces across the valley but still settles.</source>
        <translation>The step overshoots: the distance to the minimum is multiplied by %1, so %2 bounces across the valley but still settles.</translation>
    </message>
    <message>
        <source>The step is exactly twice too long: %1 bounces between two points for ever.</source>
        <translation>The step is exactly twice too long: %1 bounces between two points for ever.</translation>
    </message>
    <message>
        <source>Too large a learning rate: each step lands farther away (times %1), and %2 diverges.</source>
        <translation>Too large a learning rate: each step lands farther away (times %1), and %2 diverges.</translation>
    </message>
    <message numerus="yes">
        <source>After %n step(s): %1 = %2, cost %3.</source>
        <translation>
            <numerusform>After %n step: %1 = %2, cost %3.</numerusform>
            <numerusform>After %n steps: %1 = %2, cost %3.</numerusform>
        </translation>
    </message>
    <message>
        <source>cost</source>
        <translation>cost</translation>
    </message>
</context>
<context>
    <name>koto::gui::FormulaPanel</name>
    <message>
        <source>Right: %1 is within %2 of %3.</source>
        <translation>Right: %1 is within %2 of %3.</translation>
    </message>
    <message>
        <source>Not quite: the value is %1 (answers within %2 of it count). The working: %3</source>
        <translation>Not quite: the value is %1 (answers within %2 of it count). The working: %3</translation>
    </message>
    <message>
        <source>Numerical check of dJ/d%1, in double precision with h = %2:
(J(w + h) − J(w − h)) / 2h = (%3 − %4) / %5 = %6
Backward pass: %7 (float32, as training computed it), %8 in double. Relative error: %9</source>
        <translation>Numerical check of dJ/d%1, in double precision with h = %2:
(J(w + h) − J(w − h)) / 2h = (%3 − %4) / %5 = %6
Backward pass: %7 (float32, as training computed it), %8 in double. Relative error: %9</translation>
    </message>
    <message>
        <source>Tensor:</source>
        <translation>Tensor:</translation>
    </message>
    <message>
        <source>Your value for the element marked “?”:</source>
        <translation>Your value for the element marked “?”:</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Check</translation>
    </message>
</context>
<context>
    <name>koto::gui::ImageGalleryView</name>
    <message>
        <source>Test images and the network&apos;s answers</source>
        <translation>Test images and the network&apos;s answers</translation>
    </message>
    <message>
        <source>Training images, augmented</source>
        <translation>Training images, augmented</translation>
    </message>
    <message>
        <source>%1 %2 %</source>
        <translation>%1 %2 %</translation>
    </message>
    <message>
        <source>Under each image its class; press Step or Play to see the network&apos;s answers.</source>
        <translation>Under each image its class; press Step or Play to see the network&apos;s answers.</translation>
    </message>
    <message>
        <source>Under each image its class and the network&apos;s answer with its probability: green when right, red when wrong.</source>
        <translation>Under each image its class and the network&apos;s answer with its probability: green when right, red when wrong.</translation>
    </message>
    <message>
        <source>Each row: a training image (framed), then copies changed as training changes it. The class stays the same.</source>
        <translation>Each row: a training image (framed), then copies changed as training changes it. The class stays the same.</translation>
    </message>
    <message>
        <source>No augmentation chosen: set shift, rotation, mirror, brightness or contrast under Data augmentation.</source>
        <translation>No augmentation chosen: set shift, rotation, mirror, brightness or contrast under Data augmentation.</translation>
    </message>
</context>
<context>
    <name>koto::gui::InspectorWindow</name>
    <message>
        <source>Stage %1 of %2</source>
        <translation>Stage %1 of %2</translation>
    </message>
    <message>
        <source>Step through backpropagation</source>
        <translation>Step through backpropagation</translation>
    </message>
    <message>
        <source>The next mini-batch</source>
        <translation>The next mini-batch</translation>
    </message>
    <message>
        <source>One training sample:</source>
        <translation>One training sample:</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Next step</translation>
    </message>
    <message>
        <source>Take a step</source>
        <translation>Take a step</translation>
    </message>
    <message>
        <source>Pause training and make one real training step, recorded stage by stage</source>
        <translation>Pause training and make one real training step, recorded stage by stage</translation>
    </message>
    <message>
        <source>Step back</source>
        <translation>Step back</translation>
    </message>
    <message>
        <source>Step forward</source>
        <translation>Step forward</translation>
    </message>
    <message>
        <source>To the end of the step</source>
        <translation>To the end of the step</translation>
    </message>
    <message>
        <source>By hand</source>
        <translation>By hand</translation>
    </message>
    <message>
        <source>Work out each value yourself before it is shown</source>
        <translation>Work out each value yourself before it is shown</translation>
    </message>
    <message>
        <source>Formulas</source>
        <translation>Formulas</translation>
    </message>
    <message>
        <source>1-D lessons: J = x² + x, u·u + u + 1</source>
        <translation>1-D lessons: J = x² + x, u·u + u + 1</translation>
    </message>
    <message>
        <source>Waiting for the training thread to make the step…</source>
        <translation>Waiting for the training thread to make the step…</translation>
    </message>
    <message>
        <source>on training sample %1</source>
        <translation>on training sample %1</translation>
    </message>
    <message numerus="yes">
        <source>on a mini-batch of %n sample(s)</source>
        <translation>
            <numerusform>on a mini-batch of %n sample</numerusform>
            <numerusform>on a mini-batch of %n samples</numerusform>
        </translation>
    </message>
    <message>
        <source>Training step %1, %2. The values are those training used (float32); the weights have been updated.</source>
        <translation>Training step %1, %2. The values are those training used (float32); the weights have been updated.</translation>
    </message>
    <message>
        <source>Take a step to record one training step of the network, then walk through it.</source>
        <translation>Take a step to record one training step of the network, then walk through it.</translation>
    </message>
</context>
<context>
    <name>koto::gui::LayerListEditor</name>
    <message>
        <source>Hidden layers</source>
        <translation>Hidden layers</translation>
    </message>
    <message>
        <source>Add layer</source>
        <translation>Add layer</translation>
    </message>
    <message>
        <source>Layer %1</source>
        <translation>Layer %1</translation>
    </message>
    <message>
        <source> units</source>
        <translation> units</translation>
    </message>
    <message>
        <source>Number of units (neurons) in this layer</source>
        <translation>Number of units (neurons) in this layer</translation>
    </message>
    <message>
        <source>The nonlinearity s in Z = s(XW + b)</source>
        <translation>The nonlinearity s in Z = s(XW + b)</translation>
    </message>
    <message>
        <source>Remove this layer</source>
        <translation>Remove this layer</translation>
    </message>
    <message>
        <source>p </source>
        <translation>p </translation>
    </message>
    <message>
        <source>Dropout: while training, each unit of this layer is kept with probability p (0.5 is usual for hidden layers; 1 is no dropout)</source>
        <translation>Dropout: while training, each unit of this layer is kept with probability p (0.5 is usual for hidden layers; 1 is no dropout)</translation>
    </message>
</context>
<context>
    <name>koto::gui::LossCurveView</name>
    <message>
        <source>Training loss</source>
        <translation>Training loss</translation>
    </message>
    <message>
        <source>Test loss</source>
        <translation>Test loss</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>Epoch</translation>
    </message>
    <message>
        <source>Loss (cost J per sample)</source>
        <translation>Loss (cost J per sample)</translation>
    </message>
    <message>
        <source>Validation loss</source>
        <translation>Validation loss</translation>
    </message>
    <message>
        <source>Before training:</source>
        <translation>Before training:</translation>
    </message>
    <message>
        <source>After epoch %1:</source>
        <translation>After epoch %1:</translation>
    </message>
    <message>
        <source>training loss %1 · test loss %2 · test RMSE %3</source>
        <translation>training loss %1 · test loss %2 · test RMSE %3</translation>
    </message>
    <message>
        <source>training loss %1 · test loss %2 · test accuracy %3 %</source>
        <translation>training loss %1 · test loss %2 · test accuracy %3 %</translation>
    </message>
    <message>
        <source>Recent mini-batches: loss %1 (their mean, updated every step)</source>
        <translation>Recent mini-batches: loss %1 (their mean, updated every step)</translation>
    </message>
</context>
<context>
    <name>koto::gui::MainWindow</name>
    <message>
        <source>About Kotohajime</source>
        <translation>About Kotohajime</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Kotohajime %1&lt;/h3&gt;&lt;p&gt;Learn deep learning by watching it happen: every number the network computes, on your own data.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Kotohajime %1&lt;/h3&gt;&lt;p&gt;Learn deep learning by watching it happen: every number the network computes, on your own data.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>These settings cannot be used: %1</source>
        <translation>These settings cannot be used: %1</translation>
    </message>
    <message>
        <source>Training could not start: %1</source>
        <translation>Training could not start: %1</translation>
    </message>
    <message>
        <source>the loss</source>
        <translation>the loss</translation>
    </message>
    <message>
        <source>the input data</source>
        <translation>the input data</translation>
    </message>
    <message>
        <source>Training diverged at step %1: NaN or infinity appeared in %2. The weights of the last finite step are kept. Lower the learning rate and press Reset.</source>
        <translation>Training diverged at step %1: NaN or infinity appeared in %2. The weights of the last finite step are kept. Lower the learning rate and press Reset.</translation>
    </message>
    <message>
        <source>Epoch %1 · step %2</source>
        <translation>Epoch %1 · step %2</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Play</translation>
    </message>
    <message>
        <source>Kotohajime — learn deep learning by watching it</source>
        <translation>Kotohajime — learn deep learning by watching it</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;About Kotohajime</source>
        <translation>&amp;About Kotohajime</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Reset</translation>
    </message>
    <message>
        <source>Back to the same initial weights (same seed)</source>
        <translation>Back to the same initial weights (same seed)</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>One gradient-descent step on one mini-batch</source>
        <translation>One gradient-descent step on one mini-batch</translation>
    </message>
    <message numerus="yes">
        <source>Output layer: %n unit(s), %1, trained with %2</source>
        <translation>
            <numerusform>Output layer: %n unit, %1, trained with %2</numerusform>
            <numerusform>Output layer: %n units, %1, trained with %2</numerusform>
        </translation>
    </message>
    <message>
        <source>The background is the network&apos;s output y for every point of the plane: orange near −1, blue near +1, pale near 0; the points are coloured by their target value.</source>
        <translation>The background is the network&apos;s output y for every point of the plane: orange near −1, blue near +1, pale near 0; the points are coloured by their target value.</translation>
    </message>
    <message>
        <source>The background is the network&apos;s answer for every point of the plane: orange for one class, blue for the other, pale where it is unsure.</source>
        <translation>The background is the network&apos;s answer for every point of the plane: orange for one class, blue for the other, pale where it is unsure.</translation>
    </message>
    <message>
        <source>&lt;b&gt;What you see&lt;/b&gt;&lt;br&gt;%1 Each step computes the cost J on a mini-batch, sends its gradient back through the layers (backpropagation) and moves every weight: w = w − learning_rate · dJ/dw. When the test loss rises while the training loss falls, the network is memorising (overfitting).</source>
        <translation>&lt;b&gt;What you see&lt;/b&gt;&lt;br&gt;%1 Each step computes the cost J on a mini-batch, sends its gradient back through the layers (backpropagation) and moves every weight: w = w − learning_rate · dJ/dw. When the test loss rises while the training loss falls, the network is memorising (overfitting).</translation>
    </message>
    <message>
        <source>Pause training</source>
        <translation>Pause training</translation>
    </message>
    <message>
        <source>Train continuously</source>
        <translation>Train continuously</translation>
    </message>
    <message>
        <source>Step one epoch</source>
        <translation>Step one epoch</translation>
    </message>
    <message>
        <source>Train to the end of the current epoch, then pause</source>
        <translation>Train to the end of the current epoch, then pause</translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation>&amp;Training</translation>
    </message>
    <message>
        <source>Early stopping: the validation loss has not improved since epoch %1, so training stopped and the weights of epoch %1 are back. Press Reset to train again.</source>
        <translation>Early stopping: the validation loss has not improved since epoch %1, so training stopped and the weights of epoch %1 are back. Press Reset to train again.</translation>
    </message>
    <message>
        <source>The data cannot be used</source>
        <translation>The data cannot be used</translation>
    </message>
    <message>
        <source>This data could not be loaded:

%1

The data you had before stays.</source>
        <translation>This data could not be loaded:

%1

The data you had before stays.</translation>
    </message>
    <message>
        <source>Each image is a row of %1 numbers, its pixels from 0 (black) to 1 (white); the network&apos;s softmax output gives a probability to each of the %2 classes. Under each test image: its class and the network&apos;s answer.</source>
        <translation>Each image is a row of %1 numbers, its pixels from 0 (black) to 1 (white); the network&apos;s softmax output gives a probability to each of the %2 classes. Under each test image: its class and the network&apos;s answer.</translation>
    </message>
    <message>
        <source>Learning curve</source>
        <translation>Learning curve</translation>
    </message>
    <message>
        <source>Confusion matrix</source>
        <translation>Confusion matrix</translation>
    </message>
    <message>
        <source>Step through backpropagation…</source>
        <translation>Step through backpropagation…</translation>
    </message>
    <message>
        <source>One training step, operation by operation, with the curriculum&apos;s formulas and the real numbers</source>
        <translation>One training step, operation by operation, with the curriculum&apos;s formulas and the real numbers</translation>
    </message>
    <message>
        <source>The OpenCL device could not be used, so training runs on the CPU: %1</source>
        <translation>The OpenCL device could not be used, so training runs on the CPU: %1</translation>
    </message>
    <message>
        <source>Preparing GPU kernels on %1… (the first time takes seconds)</source>
        <translation>Preparing GPU kernels on %1… (the first time takes seconds)</translation>
    </message>
    <message>
        <source>Computing on %1 (kernels prepared in %2 s)</source>
        <translation>Computing on %1 (kernels prepared in %2 s)</translation>
    </message>
    <message>
        <source>Computing on %1</source>
        <translation>Computing on %1</translation>
    </message>
</context>
<context>
    <name>koto::gui::StageText</name>
    <message numerus="yes">
        <source> (%n terms)</source>
        <translation>
            <numerusform> (%n term)</numerusform>
            <numerusform> (%n terms)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>dense, %n units, %1</source>
        <translation>
            <numerusform>dense, %n unit, %1</numerusform>
            <numerusform>dense, %n units, %1</numerusform>
        </translation>
    </message>
    <message>
        <source>dropout, keep probability p = %1</source>
        <translation>dropout, keep probability p = %1</translation>
    </message>
    <message>
        <source>Gaussian noise, σ = %1</source>
        <translation>Gaussian noise, σ = %1</translation>
    </message>
    <message>
        <source>Forward, layer %1 of %2: %3</source>
        <translation>Forward, layer %1 of %2: %3</translation>
    </message>
    <message>
        <source>The cost J: %1</source>
        <translation>The cost J: %1</translation>
    </message>
    <message>
        <source>Backward, layer %1 of %2: %3</source>
        <translation>Backward, layer %1 of %2: %3</translation>
    </message>
    <message>
        <source>gradient descent</source>
        <translation>gradient descent</translation>
    </message>
    <message>
        <source>momentum</source>
        <translation>momentum</translation>
    </message>
    <message>
        <source>Nesterov momentum</source>
        <translation>Nesterov momentum</translation>
    </message>
    <message>
        <source>The update: %1</source>
        <translation>The update: %1</translation>
    </message>
    <message numerus="yes">
        <source>N = %n sample(s) in this step; J is their mean cost.</source>
        <translation>
            <numerusform>N = %n sample in this step; J is its cost.</numerusform>
            <numerusform>N = %n samples in this step; J is their mean cost.</numerusform>
        </translation>
    </message>
    <message>
        <source>With the L1/L2 penalty the cost trained on is %1 + %2 = %3.</source>
        <translation>With the L1/L2 penalty the cost trained on is %1 + %2 = %3.</translation>
    </message>
    <message>
        <source>The output activation (%1) is applied together with the cost, in the next stage.</source>
        <translation>The output activation (%1) is applied together with the cost, in the next stage.</translation>
    </message>
    <message>
        <source>M[n,j] = 1/p = %1 for a kept unit (probability p = %2), 0 for a dropped one</source>
        <translation>M[n,j] = 1/p = %1 for a kept unit (probability p = %2), 0 for a dropped one</translation>
    </message>
    <message>
        <source>%1 = %2: dropout acts only while training</source>
        <translation>%1 = %2: dropout acts only while training</translation>
    </message>
    <message>
        <source>ε ~ N(0, σ²), σ = %1, drawn anew for every step</source>
        <translation>ε ~ N(0, σ²), σ = %1, drawn anew for every step</translation>
    </message>
    <message>
        <source>(the output activation and the cross-entropy together have this simple gradient)</source>
        <translation>(the output activation and the cross-entropy together have this simple gradient)</translation>
    </message>
    <message>
        <source>%1 comes from the layer to the right</source>
        <translation>%1 comes from the layer to the right</translation>
    </message>
    <message>
        <source>(the error passed back to the layer to the left)</source>
        <translation>(the error passed back to the layer to the left)</translation>
    </message>
    <message>
        <source>(a dropped unit passes no error back)</source>
        <translation>(a dropped unit passes no error back)</translation>
    </message>
    <message>
        <source>(the noise does not depend on %1)</source>
        <translation>(the noise does not depend on %1)</translation>
    </message>
    <message>
        <source>g is dJ/dw from the backward pass (plus 2·l2·w with L2); with L1, w then moves learning_rate·l1 toward 0.</source>
        <translation>g is dJ/dw from the backward pass (plus 2·l2·w with L2); with L1, w then moves learning_rate·l1 toward 0.</translation>
    </message>
</context>
<context>
    <name>koto::gui::TrainingPanel</name>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Learning rate</translation>
    </message>
    <message>
        <source>The step size in w = w - learning_rate * dJ/dw. Too large bounces across the valley or diverges; too small is slow. It can be changed while training runs.</source>
        <translation>The step size in w = w - learning_rate * dJ/dw. Too large bounces across the valley or diverges; too small is slow. It can be changed while training runs.</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>Batch size</translation>
    </message>
    <message>
        <source>Samples per gradient step: 1 is stochastic gradient descent, all training points is batch gradient descent, in between is mini-batch.</source>
        <translation>Samples per gradient step: 1 is stochastic gradient descent, all training points is batch gradient descent, in between is mini-batch.</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Speed</translation>
    </message>
    <message>
        <source>Slow (2 epochs/s)</source>
        <translation>Slow (2 epochs/s)</translation>
    </message>
    <message>
        <source>Normal (30 epochs/s)</source>
        <translation>Normal (30 epochs/s)</translation>
    </message>
    <message>
        <source>Full speed</source>
        <translation>Full speed</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>Optimizer</translation>
    </message>
    <message>
        <source>Gradient descent</source>
        <translation>Gradient descent</translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation>Momentum</translation>
    </message>
    <message>
        <source>Nesterov momentum</source>
        <translation>Nesterov momentum</translation>
    </message>
    <message>
        <source>AdaGrad</source>
        <translation>AdaGrad</translation>
    </message>
    <message>
        <source>RMSprop</source>
        <translation>RMSprop</translation>
    </message>
    <message>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <source>w = w − learning_rate · dJ/dw</source>
        <translation>w = w − learning_rate · dJ/dw</translation>
    </message>
    <message>
        <source>v = μ·v − learning_rate · dJ/dw; w = w + v: the velocity carries the weights through small bumps</source>
        <translation>v = μ·v − learning_rate · dJ/dw; w = w + v: the velocity carries the weights through small bumps</translation>
    </message>
    <message>
        <source>v = μ·v − learning_rate · g; w = w + μ·v − learning_rate · g: momentum that looks one step ahead</source>
        <translation>v = μ·v − learning_rate · g; w = w + μ·v − learning_rate · g: momentum that looks one step ahead</translation>
    </message>
    <message>
        <source>cache = cache + g²; w = w − learning_rate · g / (√cache + ε): each weight gets its own, shrinking rate</source>
        <translation>cache = cache + g²; w = w − learning_rate · g / (√cache + ε): each weight gets its own, shrinking rate</translation>
    </message>
    <message>
        <source>cache = decay · cache + (1 − decay) · g²; the update as AdaGrad&apos;s, with momentum μ: the cache forgets old gradients</source>
        <translation>cache = decay · cache + (1 − decay) · g²; the update as AdaGrad&apos;s, with momentum μ: the cache forgets old gradients</translation>
    </message>
    <message>
        <source>Running means of g and g², corrected for their start at zero: momentum and a per-weight rate together</source>
        <translation>Running means of g and g², corrected for their start at zero: momentum and a per-weight rate together</translation>
    </message>
    <message>
        <source>How the weights move once the gradient is known</source>
        <translation>How the weights move once the gradient is known</translation>
    </message>
    <message>
        <source>Momentum μ</source>
        <translation>Momentum μ</translation>
    </message>
    <message>
        <source>How much of the last change carries over (0.9 is usual). It can be changed while training runs.</source>
        <translation>How much of the last change carries over (0.9 is usual). It can be changed while training runs.</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Schedule</translation>
    </message>
    <message>
        <source>Constant</source>
        <translation>Constant</translation>
    </message>
    <message>
        <source>Halve every 10 epochs</source>
        <translation>Halve every 10 epochs</translation>
    </message>
    <message>
        <source>Inverse decay A/(1 + 0.05t)</source>
        <translation>Inverse decay A/(1 + 0.05t)</translation>
    </message>
    <message>
        <source>Exponential decay A·exp(−0.02t)</source>
        <translation>Exponential decay A·exp(−0.02t)</translation>
    </message>
    <message>
        <source>How the learning rate A changes with the epoch t; the curve shows the first 100 epochs</source>
        <translation>How the learning rate A changes with the epoch t; the curve shows the first 100 epochs</translation>
    </message>
    <message>
        <source>epoch t</source>
        <translation>epoch t</translation>
    </message>
    <message>
        <source>Adds l1 · Σ|w| to the cost: it drives weights to exactly zero (sparsity)</source>
        <translation>Adds l1 · Σ|w| to the cost: it drives weights to exactly zero (sparsity)</translation>
    </message>
    <message>
        <source>Adds l2 · Σw² to the cost: it shrinks the weights, its pull fading near zero</source>
        <translation>Adds l2 · Σw² to the cost: it shrinks the weights, its pull fading near zero</translation>
    </message>
    <message>
        <source>L1</source>
        <translation>L1</translation>
    </message>
    <message>
        <source>L2</source>
        <translation>L2</translation>
    </message>
    <message>
        <source>Input noise σ</source>
        <translation>Input noise σ</translation>
    </message>
    <message>
        <source>While training, Gaussian noise of mean 0 and this standard deviation is added to the inputs: the network cannot rely on any exact position</source>
        <translation>While training, Gaussian noise of mean 0 and this standard deviation is added to the inputs: the network cannot rely on any exact position</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>Validation</translation>
    </message>
    <message>
        <source>The share of the training points held out to watch for overfitting (its loss is the third curve)</source>
        <translation>The share of the training points held out to watch for overfitting (its loss is the third curve)</translation>
    </message>
    <message>
        <source>Stop after</source>
        <translation>Stop after</translation>
    </message>
    <message>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <source> epochs</source>
        <translation> epochs</translation>
    </message>
    <message>
        <source>Early stopping: stop when the validation loss has not improved for this many epochs, and go back to the weights of its best epoch</source>
        <translation>Early stopping: stop when the validation loss has not improved for this many epochs, and go back to the weights of its best epoch</translation>
    </message>
    <message>
        <source>Penalise the biases b too</source>
        <translation>Penalise the biases b too</translation>
    </message>
    <message>
        <source>As the curriculum writes the penalties: |W1| + |b1| + ... and W1² + b1² + ...</source>
        <translation>As the curriculum writes the penalties: |W1| + |b1| + ... and W1² + b1² + ...</translation>
    </message>
    <message>
        <source>Decay</source>
        <translation>Decay</translation>
    </message>
    <message>
        <source>RMSprop: cache = decay · cache + (1 − decay) · g². Near 1 the cache remembers many past gradients (0.99 is usual)</source>
        <translation>RMSprop: cache = decay · cache + (1 − decay) · g². Near 1 the cache remembers many past gradients (0.99 is usual)</translation>
    </message>
</context>
</TS>
