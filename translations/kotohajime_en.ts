<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AnimationFrame</name>
    <message>
        <source>Epoch %1 · test loss %2 · test RMSE %3</source>
        <translation>Epoch %1 · test loss %2 · test RMSE %3</translation>
    </message>
    <message>
        <source>Epoch %1 · test loss %2 · test accuracy %3 %</source>
        <translation>Epoch %1 · test loss %2 · test accuracy %3 %</translation>
    </message>
</context>
<context>
    <name>ComputeStatus</name>
    <message>
        <source>Preparing GPU kernels on %1… (the first time takes seconds)</source>
        <translation>Preparing GPU kernels on %1… (the first time takes seconds)</translation>
    </message>
    <message>
        <source>Paused: computes on %1 (kernels prepared in %2 s)</source>
        <translation>Paused: computes on %1 (kernels prepared in %2 s)</translation>
    </message>
    <message>
        <source>Computing on %1 (kernels prepared in %2 s)</source>
        <translation>Computing on %1 (kernels prepared in %2 s)</translation>
    </message>
    <message>
        <source>Paused: computes on %1</source>
        <translation>Paused: computes on %1</translation>
    </message>
    <message>
        <source>Computing on %1</source>
        <translation>Computing on %1</translation>
    </message>
</context>
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
    <message>
        <source>Sine wave: the next value (sequence)</source>
        <translation>Sine wave: the next value (sequence)</translation>
    </message>
    <message>
        <source>First bit of a bit sequence</source>
        <translation>First bit of a bit sequence</translation>
    </message>
    <message>
        <source>Parity of a bit sequence</source>
        <translation>Parity of a bit sequence</translation>
    </message>
    <message>
        <source>Fashion-MNIST, row by row (sequence)</source>
        <translation>Fashion-MNIST, row by row (sequence)</translation>
    </message>
    <message>
        <source>orange</source>
        <translation>orange</translation>
    </message>
    <message>
        <source>blue</source>
        <translation>blue</translation>
    </message>
    <message>
        <source>even</source>
        <translation>even</translation>
    </message>
    <message>
        <source>odd</source>
        <translation>odd</translation>
    </message>
</context>
<context>
    <name>ViewExport</name>
    <message>
        <source>%1: a view is saved as a picture (.png or .svg) or as its data (.csv); the name must end in one of these.</source>
        <translation>%1: a view is saved as a picture (.png or .svg) or as its data (.csv); the name must end in one of these.</translation>
    </message>
    <message>
        <source>The view shows no data yet, so there is nothing to save as CSV. Press Step or Play first.</source>
        <translation>The view shows no data yet, so there is nothing to save as CSV. Press Step or Play first.</translation>
    </message>
    <message>
        <source>The picture of %1 could not be drawn.</source>
        <translation>The picture of %1 could not be drawn.</translation>
    </message>
    <message>
        <source>%1 could not be written.

%2</source>
        <translation>%1 could not be written.

%2</translation>
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
    <name>koto::gui::ClassroomMenu</name>
    <message>
        <source>&amp;Classroom</source>
        <translation>&amp;Classroom</translation>
    </message>
    <message>
        <source>&amp;Projector mode</source>
        <translation>&amp;Projector mode</translation>
    </message>
    <message>
        <source>Large text, thick lines and high contrast, full screen: for a class watching on a projector</source>
        <translation>Large text, thick lines and high contrast, full screen: for a class watching on a projector</translation>
    </message>
    <message>
        <source>&amp;Full screen</source>
        <translation>&amp;Full screen</translation>
    </message>
    <message>
        <source>Colour-&amp;blind-safe colours</source>
        <translation>Colour-&amp;blind-safe colours</translation>
    </message>
    <message>
        <source>Colours that stay apart for people who see red and green alike; compared curves also differ by their dashes</source>
        <translation>Colours that stay apart for people who see red and green alike; compared curves also differ by their dashes</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Theme</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Light</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Dark</translation>
    </message>
    <message>
        <source>As the &amp;system has it</source>
        <translation>As the &amp;system has it</translation>
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
    <message>
        <source>This computer&apos;s processor, with the threads chosen below</source>
        <translation>This computer&apos;s processor, with the threads chosen below</translation>
    </message>
    <message>
        <source>CPU &amp;threads</source>
        <translation>CPU &amp;threads</translation>
    </message>
    <message>
        <source>The CPU shares each step&apos;s work among its threads. The results are exactly the same, to the last bit, with any number of threads: only the speed changes.</source>
        <translation>The CPU shares each step&apos;s work among its threads. The results are exactly the same, to the last bit, with any number of threads: only the speed changes.</translation>
    </message>
    <message numerus="yes">
        <source>Every core (%n)</source>
        <translation>
            <numerusform>Every core (%n)</numerusform>
            <numerusform>Every core (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n thread(s)</source>
        <translation>
            <numerusform>%n thread</numerusform>
            <numerusform>%n threads</numerusform>
        </translation>
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
    <name>koto::gui::ControlAccessDialog</name>
    <message>
        <source>Data</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Hidden layers and the network editor</source>
        <translation>Hidden layers and the network editor</translation>
    </message>
    <message>
        <source>Optimizer, momentum and decay</source>
        <translation>Optimizer, momentum and decay</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Learning rate</translation>
    </message>
    <message>
        <source>Learning-rate schedule</source>
        <translation>Learning-rate schedule</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>Batch size</translation>
    </message>
    <message>
        <source>L1 and L2</source>
        <translation>L1 and L2</translation>
    </message>
    <message>
        <source>Input noise</source>
        <translation>Input noise</translation>
    </message>
    <message>
        <source>Validation and early stopping</source>
        <translation>Validation and early stopping</translation>
    </message>
    <message>
        <source>Gradient clipping</source>
        <translation>Gradient clipping</translation>
    </message>
    <message>
        <source>Data augmentation</source>
        <translation>Data augmentation</translation>
    </message>
    <message>
        <source>Templates menu</source>
        <translation>Templates menu</translation>
    </message>
    <message>
        <source>Compute menu</source>
        <translation>Compute menu</translation>
    </message>
    <message>
        <source>Lock or hide controls</source>
        <translation>Lock or hide controls</translation>
    </message>
    <message>
        <source>What the class may use. A locked control shows its value but cannot be changed; a hidden one is not shown. A lesson can lock or hide more while it is open.</source>
        <translation>What the class may use. A locked control shows its value but cannot be changed; a hidden one is not shown. A lesson can lock or hide more while it is open.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Locked</translation>
    </message>
    <message>
        <source>Hidden</source>
        <translation>Hidden</translation>
    </message>
    <message>
        <source>Open all</source>
        <translation>Open all</translation>
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
        <source>Training images</source>
        <translation>Training images</translation>
    </message>
    <message>
        <source>Use the first this many training images (fewer train faster)</source>
        <translation>Use the first this many training images (fewer train faster)</translation>
    </message>
    <message>
        <source>Window (time steps)</source>
        <translation>Window (time steps)</translation>
    </message>
    <message>
        <source>Bits (time steps)</source>
        <translation>Bits (time steps)</translation>
    </message>
    <message>
        <source>Sequences</source>
        <translation>Sequences</translation>
    </message>
    <message>
        <source>What to learn from: points of the plane (orange and blue are the two classes), images of clothes, your own MNIST files, a table of numbers, or sequences for recurrent layers</source>
        <translation>What to learn from: points of the plane (orange and blue are the two classes), images of clothes, your own MNIST files, a table of numbers, or sequences for recurrent layers</translation>
    </message>
    <message>
        <source>How many time steps a sequence has: a recurrent layer reads one value a step</source>
        <translation>How many time steps a sequence has: a recurrent layer reads one value a step</translation>
    </message>
    <message>
        <source>A target at every time step</source>
        <translation>A target at every time step</translation>
    </message>
    <message>
        <source>Many-to-many: the question is asked at every step (the next value, the first bit, the parity so far), not only after the last; the network then needs seq:many after its recurrent layer</source>
        <translation>Many-to-many: the question is asked at every step (the next value, the first bit, the parity so far), not only after the last; the network then needs seq:many after its recurrent layer</translation>
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
        <source>The network&apos;s output over the input plane. Filled points: training data; outlined points: test data. For classes, the dark line is where the network is unsure, P = 0.5: its decision boundary.</source>
        <translation>The network&apos;s output over the input plane. Filled points: training data; outlined points: test data. For classes, the dark line is where the network is unsure, P = 0.5: its decision boundary.</translation>
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
    <name>koto::gui::DiagramCanvas</name>
    <message>
        <source>%1 of %2 units</source>
        <translation>%1 of %2 units</translation>
    </message>
</context>
<context>
    <name>koto::gui::DraftCheck</name>
    <message>
        <source>%1 (seq:many) answers at every time step, but the data have one target per sequence: choose &quot;A target at every time step&quot; in the data, or use seq:last</source>
        <translation>%1 (seq:many) answers at every time step, but the data have one target per sequence: choose &quot;A target at every time step&quot; in the data, or use seq:last</translation>
    </message>
    <message>
        <source>%1 (seq:last) answers once per sequence, but the data have a target at every time step: use seq:many</source>
        <translation>%1 (seq:last) answers once per sequence, but the data have a target at every time step: use seq:many</translation>
    </message>
    <message>
        <source>The data have a target at every time step: put seq:many after the recurrent layer</source>
        <translation>The data have a target at every time step: put seq:many after the recurrent layer</translation>
    </message>
    <message>
        <source>%1: this version does not know the layer type &quot;%2&quot;</source>
        <translation>%1: this version does not know the layer type &quot;%2&quot;</translation>
    </message>
    <message>
        <source>Nothing is connected to the output: drag from the output port (bottom) of %1 to the output&apos;s input port</source>
        <translation>Nothing is connected to the output: drag from the output port (bottom) of %1 to the output&apos;s input port</translation>
    </message>
    <message>
        <source>the input</source>
        <translation>the input</translation>
    </message>
    <message>
        <source>The network has no layers: drag a layer from the palette between the input and the output</source>
        <translation>The network has no layers: drag a layer from the palette between the input and the output</translation>
    </message>
    <message>
        <source>The data are a regression task: the output needs the loss mean squared error</source>
        <translation>The data are a regression task: the output needs the loss mean squared error</translation>
    </message>
    <message>
        <source>The data have %1 classes, so the last layer needs %1 units (softmax gives one probability per class), but %2 gives %3</source>
        <translation>The data have %1 classes, so the last layer needs %1 units (softmax gives one probability per class), but %2 gives %3</translation>
    </message>
    <message>
        <source>%1 is not connected to the input: the network is one chain from the input to the output, so connect it (or delete it)</source>
        <translation>%1 is not connected to the input: the network is one chain from the input to the output, so connect it (or delete it)</translation>
    </message>
    <message numerus="yes">
        <source>The output must give %n value(s) per sample, but %1 gives %2</source>
        <translation>
            <numerusform>The output must give %n value per sample, but %1 gives %2</numerusform>
            <numerusform>The output must give %n values per sample, but %1 gives %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>koto::gui::DropoutNoiseView</name>
    <message>
        <source>Dropout and noise act only while training: take a step, or play, to see what they do to each mini-batch.</source>
        <translation>Dropout and noise act only while training: take a step, or play, to see what they do to each mini-batch.</translation>
    </message>
    <message>
        <source>The first samples of the mini-batch of step %1, as the layers changed them (rows: samples; columns: units or values). Each step draws anew.</source>
        <translation>The first samples of the mini-batch of step %1, as the layers changed them (rows: samples; columns: units or values). Each step draws anew.</translation>
    </message>
    <message>
        <source>%1, keep p = %2: X above, Z below</source>
        <translation>%1, keep p = %2: X above, Z below</translation>
    </message>
    <message>
        <source>%1, σ = %2: X above, Z = X + noise below</source>
        <translation>%1, σ = %2: X above, Z = X + noise below</translation>
    </message>
    <message>
        <source>%1 (p = %2): %3 of %4 dropped</source>
        <translation>%1 (p = %2): %3 of %4 dropped</translation>
    </message>
    <message>
        <source>mask M</source>
        <translation>mask M</translation>
    </message>
    <message>
        <source>%1, σ = %2: X and Z = X + noise</source>
        <translation>%1, σ = %2: X and Z = X + noise</translation>
    </message>
    <message>
        <source>X</source>
        <translation>X</translation>
    </message>
    <message>
        <source>Z = X + noise</source>
        <translation>Z = X + noise</translation>
    </message>
</context>
<context>
    <name>koto::gui::EditorListBridge</name>
    <message>
        <source>Change the layer list</source>
        <translation>Change the layer list</translation>
    </message>
    <message>
        <source>This network has layers or an output the list cannot show: edit it in the network editor</source>
        <translation>This network has layers or an output the list cannot show: edit it in the network editor</translation>
    </message>
</context>
<context>
    <name>koto::gui::ExperimentsWindow</name>
    <message>
        <source>Experiments — Kotohajime</source>
        <translation>Experiments — Kotohajime</translation>
    </message>
    <message>
        <source>Optimizer race</source>
        <translation>Optimizer race</translation>
    </message>
    <message>
        <source>Hyperparameter sweep</source>
        <translation>Hyperparameter sweep</translation>
    </message>
</context>
<context>
    <name>koto::gui::FeatureMapView</name>
    <message>
        <source>Class: %1</source>
        <translation>Class: %1</translation>
    </message>
    <message>
        <source>Input X (test image %1)</source>
        <translation>Input X (test image %1)</translation>
    </message>
    <message>
        <source>Each tile is one channel, its values as colours (the scale under its title). A filter&apos;s map is bright where the image has that filter&apos;s pattern: Z = s(W ∗ X + b). Pooling keeps the strongest answer of each window.</source>
        <translation>Each tile is one channel, its values as colours (the scale under its title). A filter&apos;s map is bright where the image has that filter&apos;s pattern: Z = s(W ∗ X + b). Pooling keeps the strongest answer of each window.</translation>
    </message>
    <message>
        <source>The maps appear once the training thread has computed them for this image (also while training is paused).</source>
        <translation>The maps appear once the training thread has computed them for this image (also while training is paused).</translation>
    </message>
    <message>
        <source>Filters W of %1: %2 of %3 × %3</source>
        <translation>Filters W of %1: %2 of %3 × %3</translation>
    </message>
    <message>
        <source>convolution</source>
        <translation>convolution</translation>
    </message>
    <message>
        <source>max pooling</source>
        <translation>max pooling</translation>
    </message>
    <message>
        <source>average pooling</source>
        <translation>average pooling</translation>
    </message>
    <message>
        <source>Test image</source>
        <translation>Test image</translation>
    </message>
    <message>
        <source>Which test image to follow through the network</source>
        <translation>Which test image to follow through the network</translation>
    </message>
    <message numerus="yes">
        <source>Filters W of %1: %2 filters × %n channel(s) of %3 × %3</source>
        <translation>
            <numerusform>Filters W of %1: %2 filters × %n channel of %3 × %3</numerusform>
            <numerusform>Filters W of %1: %2 filters × %n channels of %3 × %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%2): Z, %n channel(s) of %3 × %4</source>
        <translation>
            <numerusform>%1 (%2): Z, %n channel of %3 × %4</numerusform>
            <numerusform>%1 (%2): Z, %n channels of %3 × %4</numerusform>
        </translation>
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
    <message>
        <source>Time step t:</source>
        <translation>Time step t:</translation>
    </message>
</context>
<context>
    <name>koto::gui::GradientThroughTimeView</name>
    <message>
        <source>‖dJ/dh(t)‖, step %1</source>
        <translation>‖dJ/dh(t)‖, step %1</translation>
    </message>
    <message>
        <source>‖dJ/dc(t)‖, step %1</source>
        <translation>‖dJ/dc(t)‖, step %1</translation>
    </message>
    <message>
        <source>‖dJ/dh(t)‖, step 1 (initial weights)</source>
        <translation>‖dJ/dh(t)‖, step 1 (initial weights)</translation>
    </message>
    <message>
        <source>‖dJ/dc(t)‖, step 1 (initial weights)</source>
        <translation>‖dJ/dc(t)‖, step 1 (initial weights)</translation>
    </message>
    <message>
        <source>mean forget gate f(t) (right axis)</source>
        <translation>mean forget gate f(t) (right axis)</translation>
    </message>
    <message>
        <source>time step t</source>
        <translation>time step t</translation>
    </message>
    <message>
        <source>gradient norm (log scale)</source>
        <translation>gradient norm (log scale)</translation>
    </message>
    <message>
        <source>forget gate f</source>
        <translation>forget gate f</translation>
    </message>
    <message>
        <source>&lt;b&gt;Gradient through time&lt;/b&gt;</source>
        <translation>&lt;b&gt;Gradient through time&lt;/b&gt;</translation>
    </message>
    <message>
        <source>How much of the gradient reaches each time step appears after the first training step (press Step): the recurrent layer measures it in that step&apos;s own backward pass.</source>
        <translation>How much of the gradient reaches each time step appears after the first training step (press Step): the recurrent layer measures it in that step&apos;s own backward pass.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Gradient through time&lt;/b&gt; of %1, measured in the backward pass of training step %2 (its mini-batch)</source>
        <translation>&lt;b&gt;Gradient through time&lt;/b&gt; of %1, measured in the backward pass of training step %2 (its mini-batch)</translation>
    </message>
    <message>
        <source>Backpropagation through time goes from the last step t = T back to t = 1. The cell passes its gradient back multiplied only by the forget gate, dJ/dc(t−1) gets f(t) · dJ/dc(t), with no squashing in between: the nearer f stays to 1 (green, right axis), the less the gradient shrinks each step and the further back the first inputs can still teach the weights. A SimpleRNN has no such path. The forget gate&apos;s bias starts at 1 (f ≈ 0.73); as training goes on, watch whether it opens wider where the task needs memory. Faint lines: the first step, at the initial weights.</source>
        <translation>Backpropagation through time goes from the last step t = T back to t = 1. The cell passes its gradient back multiplied only by the forget gate, dJ/dc(t−1) gets f(t) · dJ/dc(t), with no squashing in between: the nearer f stays to 1 (green, right axis), the less the gradient shrinks each step and the further back the first inputs can still teach the weights. A SimpleRNN has no such path. The forget gate&apos;s bias starts at 1 (f ≈ 0.73); as training goes on, watch whether it opens wider where the task needs memory. Faint lines: the first step, at the initial weights.</translation>
    </message>
    <message>
        <source>Backpropagation through time goes from the last step t = T back to t = 1, and every step multiplies the gradient by s′(a(t)) (at most 1 for tanh) and by Whᵀ: dJ/dh(t−1) gets (dJ/dh(t) ⊙ s′(a(t))) Whᵀ. Where these factors are below 1, ‖dJ/dh(t)‖ shrinks by about the same factor every step, a straight fall on this log scale toward t = 1: the vanishing gradient. The first inputs then hardly change the weights, so what they carry is not learned. How fast it falls depends on Wh: compare the initialisations (uniform, Xavier, orthogonal) in the layer list, and an LSTM. Gradient clipping (training panel) tames the opposite, an exploding gradient. Faint line: the first step, at the initial weights.</source>
        <translation>Backpropagation through time goes from the last step t = T back to t = 1, and every step multiplies the gradient by s′(a(t)) (at most 1 for tanh) and by Whᵀ: dJ/dh(t−1) gets (dJ/dh(t) ⊙ s′(a(t))) Whᵀ. Where these factors are below 1, ‖dJ/dh(t)‖ shrinks by about the same factor every step, a straight fall on this log scale toward t = 1: the vanishing gradient. The first inputs then hardly change the weights, so what they carry is not learned. How fast it falls depends on Wh: compare the initialisations (uniform, Xavier, orthogonal) in the layer list, and an LSTM. Gradient clipping (training panel) tames the opposite, an exploding gradient. Faint line: the first step, at the initial weights.</translation>
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
    <name>koto::gui::LayerCatalog</name>
    <message>
        <source>Inputs and data</source>
        <translation>Inputs and data</translation>
    </message>
    <message>
        <source>Dense and activations</source>
        <translation>Dense and activations</translation>
    </message>
    <message>
        <source>Regularisation</source>
        <translation>Regularisation</translation>
    </message>
    <message>
        <source>Convolution and pooling</source>
        <translation>Convolution and pooling</translation>
    </message>
    <message>
        <source>Recurrent</source>
        <translation>Recurrent</translation>
    </message>
    <message>
        <source>Outputs and losses</source>
        <translation>Outputs and losses</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Models</translation>
    </message>
    <message>
        <source>Dense</source>
        <translation>Dense</translation>
    </message>
    <message>
        <source>Dropout</source>
        <translation>Dropout</translation>
    </message>
    <message>
        <source>Gaussian noise</source>
        <translation>Gaussian noise</translation>
    </message>
    <message>
        <source>Convolution</source>
        <translation>Convolution</translation>
    </message>
    <message>
        <source>Max pooling</source>
        <translation>Max pooling</translation>
    </message>
    <message>
        <source>Average pooling</source>
        <translation>Average pooling</translation>
    </message>
    <message>
        <source>Flatten</source>
        <translation>Flatten</translation>
    </message>
    <message>
        <source>Tied decoder</source>
        <translation>Tied decoder</translation>
    </message>
    <message>
        <source>Simple RNN</source>
        <translation>Simple RNN</translation>
    </message>
    <message>
        <source>LSTM</source>
        <translation>LSTM</translation>
    </message>
    <message>
        <source>Last time step</source>
        <translation>Last time step</translation>
    </message>
    <message>
        <source>Every time step</source>
        <translation>Every time step</translation>
    </message>
    <message>
        <source>Softmax output</source>
        <translation>Softmax output</translation>
    </message>
    <message>
        <source>Sigmoid output</source>
        <translation>Sigmoid output</translation>
    </message>
    <message>
        <source>Linear output</source>
        <translation>Linear output</translation>
    </message>
    <message>
        <source>Fully connected: a = XW + b, Z = s(a)</source>
        <translation>Fully connected: a = XW + b, Z = s(a)</translation>
    </message>
    <message>
        <source>Keeps each unit with probability p while training (scaled by 1/p)</source>
        <translation>Keeps each unit with probability p while training (scaled by 1/p)</translation>
    </message>
    <message>
        <source>Adds Gaussian noise N(0, σ²) while training</source>
        <translation>Adds Gaussian noise N(0, σ²) while training</translation>
    </message>
    <message>
        <source>F filters of K x K slide over the images: a = W * X + b, Z = s(a)</source>
        <translation>F filters of K x K slide over the images: a = W * X + b, Z = s(a)</translation>
    </message>
    <message>
        <source>The largest value of each K x K window</source>
        <translation>The largest value of each K x K window</translation>
    </message>
    <message>
        <source>The mean of each K x K window</source>
        <translation>The mean of each K x K window</translation>
    </message>
    <message>
        <source>C x H x W images become vectors of C·H·W values, for dense layers</source>
        <translation>C x H x W images become vectors of C·H·W values, for dense layers</translation>
    </message>
    <message>
        <source>Decoder reusing an encoder&apos;s weights: a = XWᵀ + b</source>
        <translation>Decoder reusing an encoder&apos;s weights: a = XWᵀ + b</translation>
    </message>
    <message>
        <source>Reads a sequence step by step: h(t) = s(x(t)Wx + h(t-1)Wh + b)</source>
        <translation>Reads a sequence step by step: h(t) = s(x(t)Wx + h(t-1)Wh + b)</translation>
    </message>
    <message>
        <source>Input, forget and output gates guard a cell state c(t); h(t) = o·tanh(c(t))</source>
        <translation>Input, forget and output gates guard a cell state c(t); h(t) = o·tanh(c(t))</translation>
    </message>
    <message>
        <source>Many-to-one: only the last step&apos;s h(T) goes on</source>
        <translation>Many-to-one: only the last step&apos;s h(T) goes on</translation>
    </message>
    <message>
        <source>Many-to-many: every step goes on, one target per step</source>
        <translation>Many-to-many: every step goes on, one target per step</translation>
    </message>
    <message>
        <source>One probability per class, Y = softmax(ZV + c), trained with cross-entropy</source>
        <translation>One probability per class, Y = softmax(ZV + c), trained with cross-entropy</translation>
    </message>
    <message>
        <source>One probability for two classes, y = s(ZV + c), trained with binary cross-entropy</source>
        <translation>One probability for two classes, y = s(ZV + c), trained with binary cross-entropy</translation>
    </message>
    <message>
        <source>Numbers for regression, y = ZV + c, trained with squared error</source>
        <translation>Numbers for regression, y = ZV + c, trained with squared error</translation>
    </message>
    <message>
        <source>%1x%1 windows</source>
        <translation>%1x%1 windows</translation>
    </message>
    <message>
        <source>keep p = %1</source>
        <translation>keep p = %1</translation>
    </message>
    <message>
        <source>σ = %1</source>
        <translation>σ = %1</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Units</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>Activation</translation>
    </message>
    <message>
        <source>Keep probability p</source>
        <translation>Keep probability p</translation>
    </message>
    <message>
        <source>Noise σ</source>
        <translation>Noise σ</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>Filters</translation>
    </message>
    <message>
        <source>Kernel size</source>
        <translation>Kernel size</translation>
    </message>
    <message>
        <source>Stride</source>
        <translation>Stride</translation>
    </message>
    <message>
        <source>Padding</source>
        <translation>Padding</translation>
    </message>
    <message>
        <source>Tied to</source>
        <translation>Tied to</translation>
    </message>
    <message>
        <source>Initial weights</source>
        <translation>Initial weights</translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s), %1</source>
        <translation>
            <numerusform>%n unit, %1</numerusform>
            <numerusform>%n units, %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s)</source>
        <translation>
            <numerusform>%n unit</numerusform>
            <numerusform>%n units</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n filter(s) %1x%1, stride %2, pad %3, %4</source>
        <translation>
            <numerusform>%n filter %1x%1, stride %2, pad %3, %4</numerusform>
            <numerusform>%n filters %1x%1, stride %2, pad %3, %4</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n filter(s) %1x%1, %2</source>
        <translation>
            <numerusform>%n filter %1x%1, %2</numerusform>
            <numerusform>%n filters %1x%1, %2</numerusform>
        </translation>
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
    <message>
        <source>How the recurrent weights Wx and Wh start (U units). It decides how fast the gradient fades as it travels back through time: see the Gradient through time tab</source>
        <translation>How the recurrent weights Wx and Wh start (U units). It decides how fast the gradient fades as it travels back through time: see the Gradient through time tab</translation>
    </message>
    <message>
        <source>Uniform</source>
        <translation>Uniform</translation>
    </message>
    <message>
        <source>Xavier</source>
        <translation>Xavier</translation>
    </message>
    <message>
        <source>Orthogonal</source>
        <translation>Orthogonal</translation>
    </message>
    <message>
        <source>Every weight of Wx and Wh uniform within ±1/√U (PyTorch&apos;s default)</source>
        <translation>Every weight of Wx and Wh uniform within ±1/√U (PyTorch&apos;s default)</translation>
    </message>
    <message>
        <source>Each gate&apos;s block uniform within ±√(6 / (fan-in + U)), the fan-in D for Wx and U for Wh</source>
        <translation>Each gate&apos;s block uniform within ±√(6 / (fan-in + U)), the fan-in D for Wx and U for Wh</translation>
    </message>
    <message>
        <source>Wx as Xavier; each U × U block of Wh a random orthogonal matrix: all its singular values are 1, so h(t−1) Wh, and the gradient going back through Whᵀ, neither shrinks nor grows by itself</source>
        <translation>Wx as Xavier; each U × U block of Wh a random orthogonal matrix: all its singular values are 1, so h(t−1) Wh, and the gradient going back through Whᵀ, neither shrinks nor grows by itself</translation>
    </message>
    <message>
        <source>This layer is shown as written on the command line (kotohajime-cli train --help explains it); it can be removed here, and edited in the network editor</source>
        <translation>This layer is shown as written on the command line (kotohajime-cli train --help explains it); it can be removed here, and edited in the network editor</translation>
    </message>
</context>
<context>
    <name>koto::gui::LayerPalette</name>
    <message>
        <source>Search layers</source>
        <translation>Search layers</translation>
    </message>
    <message>
        <source>Drag a layer onto the canvas, or double-click it to add it at the end.</source>
        <translation>Drag a layer onto the canvas, or double-click it to add it at the end.</translation>
    </message>
</context>
<context>
    <name>koto::gui::LessonPanel</name>
    <message>
        <source>Part %1 · %2
%3 of %4 tasks done</source>
        <translation>Part %1 · %2
%3 of %4 tasks done</translation>
    </message>
    <message>
        <source>Part %1 · %2</source>
        <translation>Part %1 · %2</translation>
    </message>
    <message>
        <source>Every task is done. In short: %1</source>
        <translation>Every task is done. In short: %1</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>Lessons</translation>
    </message>
    <message>
        <source>Open lesson</source>
        <translation>Open lesson</translation>
    </message>
    <message>
        <source>All lessons</source>
        <translation>All lessons</translation>
    </message>
    <message>
        <source>Reset this lesson&apos;s preset</source>
        <translation>Reset this lesson&apos;s preset</translation>
    </message>
    <message>
        <source>Open the lesson&apos;s data, network and settings again, untrained</source>
        <translation>Open the lesson&apos;s data, network and settings again, untrained</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Tasks</translation>
    </message>
    <message numerus="yes">
        <source>Left out, as they could not be read: %n lesson(s). The first: %1</source>
        <translation>
            <numerusform>Left out, as they could not be read: %n lesson. The first: %1</numerusform>
            <numerusform>Left out, as they could not be read: %n lessons. The first: %1</numerusform>
        </translation>
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
    <message>
        <source>%1: test loss</source>
        <translation>%1: test loss</translation>
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
        <source>Each image is read row by row: its %1 rows are %1 time steps x(1) … x(%1) of %2 pixels each, which a recurrent layer reads in order. Under each test image: its class and the network&apos;s answer.</source>
        <translation>Each image is read row by row: its %1 rows are %1 time steps x(1) … x(%1) of %2 pixels each, which a recurrent layer reads in order. Under each test image: its class and the network&apos;s answer.</translation>
    </message>
    <message>
        <source>Each sample is a sequence of %1 time steps, one value a step, written as one row x(1) … x(%1); a recurrent layer reads the steps in order, a dense layer sees them all at once. The curves show how well the network predicts the answer at the end of the sequence.</source>
        <translation>Each sample is a sequence of %1 time steps, one value a step, written as one row x(1) … x(%1); a recurrent layer reads the steps in order, a dense layer sees them all at once. The curves show how well the network predicts the answer at the end of the sequence.</translation>
    </message>
    <message>
        <source>Autoencoder and RBM…</source>
        <translation>Autoencoder and RBM…</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>&amp;Undo %1</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>&amp;Redo %1</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>Network editor</source>
        <translation>Network editor</translation>
    </message>
    <message>
        <source>T&amp;emplates</source>
        <translation>T&amp;emplates</translation>
    </message>
    <message>
        <source>Logistic regression</source>
        <translation>Logistic regression</translation>
    </message>
    <message>
        <source>One hidden layer (sigmoid, softmax)</source>
        <translation>One hidden layer (sigmoid, softmax)</translation>
    </message>
    <message>
        <source>Deep ReLU network</source>
        <translation>Deep ReLU network</translation>
    </message>
    <message>
        <source>LeNet-like CNN (Fashion-MNIST)</source>
        <translation>LeNet-like CNN (Fashion-MNIST)</translation>
    </message>
    <message>
        <source>Simple RNN (remember the first bit)</source>
        <translation>Simple RNN (remember the first bit)</translation>
    </message>
    <message>
        <source>LSTM classifier (images row by row)</source>
        <translation>LSTM classifier (images row by row)</translation>
    </message>
    <message>
        <source>Autoencoder</source>
        <translation>Autoencoder</translation>
    </message>
    <message>
        <source>Restricted Boltzmann machine</source>
        <translation>Restricted Boltzmann machine</translation>
    </message>
    <message>
        <source>No recent projects</source>
        <translation>No recent projects</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;New</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Open…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Open &amp;Recent</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Save &amp;As…</translation>
    </message>
    <message>
        <source>%1[*] — Kotohajime</source>
        <translation>%1[*] — Kotohajime</translation>
    </message>
    <message>
        <source>Each sample is a sequence of %1 time steps, one value a step, written as one row x(1) … x(%1); a recurrent layer reads the steps in order, and seq:many passes on its state at every step, so the network answers at every step t. The curves show how well it does, averaged over all steps.</source>
        <translation>Each sample is a sequence of %1 time steps, one value a step, written as one row x(1) … x(%1); a recurrent layer reads the steps in order, and seq:many passes on its state at every step, so the network answers at every step t. The curves show how well it does, averaged over all steps.</translation>
    </message>
    <message>
        <source>Opens in the Autoencoder and RBM window: %1</source>
        <translation>Opens in the Autoencoder and RBM window: %1</translation>
    </message>
    <message>
        <source>The template cannot be opened</source>
        <translation>The template cannot be opened</translation>
    </message>
    <message>
        <source>The network in the main window is training: pause it first, then hand the weights over again.</source>
        <translation>The network in the main window is training: pause it first, then hand the weights over again.</translation>
    </message>
    <message>
        <source>The main window&apos;s training did not hand over its network in time.</source>
        <translation>The main window&apos;s training did not hand over its network in time.</translation>
    </message>
    <message>
        <source>The network in the main window cannot take them: %1</source>
        <translation>The network in the main window cannot take them: %1</translation>
    </message>
    <message>
        <source>Training diverged at step %1: the loss grew to more than %2 times its first value. The weights before that step are kept. Lower the learning rate and press Reset.</source>
        <translation>Training diverged at step %1: the loss grew to more than %2 times its first value. The weights before that step are kept. Lower the learning rate and press Reset.</translation>
    </message>
    <message>
        <source>Training takes about %1 of memory (this computer allows %2).</source>
        <translation>Training takes about %1 of memory (this computer allows %2).</translation>
    </message>
    <message>
        <source>Experiments: optimizer race, sweep…</source>
        <translation>Experiments: optimizer race, sweep…</translation>
    </message>
    <message>
        <source>Fork</source>
        <translation>Fork</translation>
    </message>
    <message>
        <source>This run has no checkpoint to go on from yet: train an epoch first.</source>
        <translation>This run has no checkpoint to go on from yet: train an epoch first.</translation>
    </message>
    <message>
        <source>%1, forked from %2 at epoch %3</source>
        <translation>%1, forked from %2 at epoch %3</translation>
    </message>
    <message>
        <source>Task %1 done!</source>
        <translation>Task %1 done!</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>Lesson</translation>
    </message>
    <message>
        <source>Le&amp;ssons</source>
        <translation>Le&amp;ssons</translation>
    </message>
    <message>
        <source>Lesson list</source>
        <translation>Lesson list</translation>
    </message>
    <message>
        <source>Next task</source>
        <translation>Next task</translation>
    </message>
    <message>
        <source>Previous task</source>
        <translation>Previous task</translation>
    </message>
    <message>
        <source>Lock or hide controls…</source>
        <translation>Lock or hide controls…</translation>
    </message>
    <message>
        <source>The lesson cannot be opened</source>
        <translation>The lesson cannot be opened</translation>
    </message>
    <message>
        <source>Its preset could not be read.

%1</source>
        <translation>Its preset could not be read.

%1</translation>
    </message>
    <message>
        <source>One sigmoid unit y = s(XW + b): a straight boundary between two classes</source>
        <translation>One sigmoid unit y = s(XW + b): a straight boundary between two classes</translation>
    </message>
    <message>
        <source>The curriculum&apos;s network: Z = s(XW + b), Y = softmax(ZV + c); it can bend the boundary into a ring</source>
        <translation>The curriculum&apos;s network: Z = s(XW + b), Y = softmax(ZV + c); it can bend the boundary into a ring</translation>
    </message>
    <message>
        <source>Three hidden ReLU layers: enough depth to untangle the spiral</source>
        <translation>Three hidden ReLU layers: enough depth to untangle the spiral</translation>
    </message>
    <message>
        <source>Convolutions and pooling find local patterns in the images, dense layers classify them</source>
        <translation>Convolutions and pooling find local patterns in the images, dense layers classify them</translation>
    </message>
    <message>
        <source>h(t) = tanh(x(t)Wx + h(t-1)Wh + b) reads 8 bits one by one and must remember the first</source>
        <translation>h(t) = tanh(x(t)Wx + h(t-1)Wh + b) reads 8 bits one by one and must remember the first</translation>
    </message>
    <message>
        <source>An LSTM reads each image row by row (28 steps of 28 pixels) and classifies it from h(T)</source>
        <translation>An LSTM reads each image row by row (28 steps of 28 pixels) and classifies it from h(T)</translation>
    </message>
    <message>
        <source>Encoder 784-128-32 and mirrored decoder back to 784 pixels, trained to reconstruct its input (T = X)</source>
        <translation>Encoder 784-128-32 and mirrored decoder back to 784 pixels, trained to reconstruct its input (T = X)</translation>
    </message>
    <message>
        <source>64 binary hidden units h learn the images&apos; patterns by contrastive divergence: p(h = 1 | v) = s(vW + c), p(v = 1 | h) = s(hW^T + b)</source>
        <translation>64 binary hidden units h learn the images&apos; patterns by contrastive divergence: p(h = 1 | v) = s(vW + c), p(v = 1 | h) = s(hW^T + b)</translation>
    </message>
</context>
<context>
    <name>koto::gui::ModelExportMenu</name>
    <message>
        <source>ONNX model (.onnx)</source>
        <translation>ONNX model (.onnx)</translation>
    </message>
    <message>
        <source>NumPy arrays (.npz)</source>
        <translation>NumPy arrays (.npz)</translation>
    </message>
    <message>
        <source>NumPy script (.py)</source>
        <translation>NumPy script (.py)</translation>
    </message>
    <message>
        <source>PyTorch script (.py)</source>
        <translation>PyTorch script (.py)</translation>
    </message>
    <message>
        <source>Runs in ONNX Runtime, OpenCV and other tools, and opens again in Kotohajime.</source>
        <translation>Runs in ONNX Runtime, OpenCV and other tools, and opens again in Kotohajime.</translation>
    </message>
    <message>
        <source>Every weight under the curriculum&apos;s name (W, b, V, c …), for numpy.load.</source>
        <translation>Every weight under the curriculum&apos;s name (W, b, V, c …), for numpy.load.</translation>
    </message>
    <message>
        <source>forward(X) written with the curriculum&apos;s formulas, to read and run; the weights go in an .npz beside it.</source>
        <translation>forward(X) written with the curriculum&apos;s formulas, to read and run; the weights go in an .npz beside it.</translation>
    </message>
    <message>
        <source>The network as a torch.nn.Module with these weights, to go on training in PyTorch; the weights go in an .npz beside it.</source>
        <translation>The network as a torch.nn.Module with these weights, to go on training in PyTorch; the weights go in an .npz beside it.</translation>
    </message>
    <message>
        <source>ONNX model (*.onnx)</source>
        <translation>ONNX model (*.onnx)</translation>
    </message>
    <message>
        <source>NumPy arrays (*.npz)</source>
        <translation>NumPy arrays (*.npz)</translation>
    </message>
    <message>
        <source>Python script (*.py)</source>
        <translation>Python script (*.py)</translation>
    </message>
    <message>
        <source>Export &amp;Model…</source>
        <translation>Export &amp;Model…</translation>
    </message>
    <message>
        <source>The model was not exported</source>
        <translation>The model was not exported</translation>
    </message>
    <message>
        <source>Training did not hand over its weights in time. Pause training and export again.</source>
        <translation>Training did not hand over its weights in time. Pause training and export again.</translation>
    </message>
    <message>
        <source>There are no trained weights yet: train the network (or take one step), then export it.</source>
        <translation>There are no trained weights yet: train the network (or take one step), then export it.</translation>
    </message>
    <message>
        <source>Export Model</source>
        <translation>Export Model</translation>
    </message>
    <message>
        <source>%1 could not be written.

%2</source>
        <translation>%1 could not be written.

%2</translation>
    </message>
    <message>
        <source>The learning curves and the confusion matrix are saved as CSV with File &gt; Export View…</source>
        <translation>The learning curves and the confusion matrix are saved as CSV with File &gt; Export View…</translation>
    </message>
    <message>
        <source>Save the trained model to use elsewhere: ONNX, NumPy arrays, or a NumPy or PyTorch script</source>
        <translation>Save the trained model to use elsewhere: ONNX, NumPy arrays, or a NumPy or PyTorch script</translation>
    </message>
    <message>
        <source>Save the trained model as:</source>
        <translation>Save the trained model as:</translation>
    </message>
</context>
<context>
    <name>koto::gui::NetworkDocument</name>
    <message>
        <source>Training is running: pause it before changing the network&apos;s structure</source>
        <translation>Training is running: pause it before changing the network&apos;s structure</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>Add %1</translation>
    </message>
    <message>
        <source>The input and the output belong to every network and cannot be deleted</source>
        <translation>The input and the output belong to every network and cannot be deleted</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>Delete %1</translation>
    </message>
    <message>
        <source>the input</source>
        <translation>the input</translation>
    </message>
    <message>
        <source>the output</source>
        <translation>the output</translation>
    </message>
    <message>
        <source>The output is the end of the network: nothing comes out of it</source>
        <translation>The output is the end of the network: nothing comes out of it</translation>
    </message>
    <message>
        <source>The input is where the data come in: nothing can feed it</source>
        <translation>The input is where the data come in: nothing can feed it</translation>
    </message>
    <message>
        <source>A layer cannot feed itself</source>
        <translation>A layer cannot feed itself</translation>
    </message>
    <message>
        <source>There is no such node</source>
        <translation>There is no such node</translation>
    </message>
    <message>
        <source>This link would make a loop (%1 already leads to %2): data must flow from the input to the output</source>
        <translation>This link would make a loop (%1 already leads to %2): data must flow from the input to the output</translation>
    </message>
    <message>
        <source>%1 already feeds %2: in a sequential network each layer feeds exactly one layer; delete that link first (select it and press Delete)</source>
        <translation>%1 already feeds %2: in a sequential network each layer feeds exactly one layer; delete that link first (select it and press Delete)</translation>
    </message>
    <message>
        <source>%1 already takes its input from %2: in a sequential network each layer has exactly one input; delete that link first</source>
        <translation>%1 already takes its input from %2: in a sequential network each layer has exactly one input; delete that link first</translation>
    </message>
    <message>
        <source>Connect %1 to %2</source>
        <translation>Connect %1 to %2</translation>
    </message>
    <message>
        <source>That link does not exist</source>
        <translation>That link does not exist</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Disconnect</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Move</translation>
    </message>
    <message>
        <source>Change %1 of %2</source>
        <translation>Change %1 of %2</translation>
    </message>
    <message>
        <source>Change the loss</source>
        <translation>Change the loss</translation>
    </message>
    <message>
        <source>Nothing to paste: copy some layers first</source>
        <translation>Nothing to paste: copy some layers first</translation>
    </message>
    <message numerus="yes">
        <source>Paste %n layer(s)</source>
        <translation>
            <numerusform>Paste %n layer</numerusform>
            <numerusform>Paste %n layers</numerusform>
        </translation>
    </message>
    <message>
        <source>Template %1</source>
        <translation>Template %1</translation>
    </message>
    <message>
        <source>Fit the output to the data</source>
        <translation>Fit the output to the data</translation>
    </message>
    <message>
        <source>Lay out</source>
        <translation>Lay out</translation>
    </message>
</context>
<context>
    <name>koto::gui::NetworkEditor</name>
    <message>
        <source>Undo</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>Cannot train yet: %1</source>
        <translation>Cannot train yet: %1</translation>
    </message>
    <message numerus="yes">
        <source>Ready to train: %n layer(s) from %1 to %2</source>
        <translation>
            <numerusform>Ready to train: %n layer from %1 to %2</numerusform>
            <numerusform>Ready to train: %n layers from %1 to %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Delete the selected layers or links (Delete)</source>
        <translation>Delete the selected layers or links (Delete)</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>Paste</translation>
    </message>
    <message>
        <source>Lay out</source>
        <translation>Lay out</translation>
    </message>
    <message>
        <source>Arrange the nodes in columns, the network from the input down (Ctrl+L)</source>
        <translation>Arrange the nodes in columns, the network from the input down (Ctrl+L)</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Fit</translation>
    </message>
    <message>
        <source>Show the whole network (Ctrl+0)</source>
        <translation>Show the whole network (Ctrl+0)</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl+=, or Ctrl and the mouse wheel)</source>
        <translation>Zoom in (Ctrl+=, or Ctrl and the mouse wheel)</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+-)</source>
        <translation>Zoom out (Ctrl+-)</translation>
    </message>
    <message>
        <source>Copy the selected layers (Ctrl+C)</source>
        <translation>Copy the selected layers (Ctrl+C)</translation>
    </message>
    <message>
        <source>Paste the copied layers (Ctrl+V)</source>
        <translation>Paste the copied layers (Ctrl+V)</translation>
    </message>
</context>
<context>
    <name>koto::gui::NetworkPlaygroundView</name>
    <message>
        <source>Inputs %1</source>
        <translation>Inputs %1</translation>
    </message>
    <message>
        <source>excitatory</source>
        <translation>excitatory</translation>
    </message>
    <message>
        <source>inhibitory</source>
        <translation>inhibitory</translation>
    </message>
    <message>
        <source>no effect</source>
        <translation>no effect</translation>
    </message>
    <message>
        <source>%1 = %2: %3 (%4)</source>
        <translation>%1 = %2: %3 (%4)</translation>
    </message>
    <message>
        <source>The constant 1: its links are the next layer&apos;s biases.</source>
        <translation>The constant 1: its links are the next layer&apos;s biases.</translation>
    </message>
    <message>
        <source>%1: its value over the plane</source>
        <translation>%1: its value over the plane</translation>
    </message>
    <message>
        <source>%1: its output over the plane</source>
        <translation>%1: its output over the plane</translation>
    </message>
    <message>
        <source>Click a unit to see its output over the plane.</source>
        <translation>Click a unit to see its output over the plane.</translation>
    </message>
    <message>
        <source>Its bias %1 = %2</source>
        <translation>Its bias %1 = %2</translation>
    </message>
    <message>
        <source>Click a link or a unit to set its weight or bias by hand.</source>
        <translation>Click a link or a unit to set its weight or bias by hand.</translation>
    </message>
    <message>
        <source>Showing the %1 strongest of %2 weights and biases.</source>
        <translation>Showing the %1 strongest of %2 weights and biases.</translation>
    </message>
    <message>
        <source>set %1 to %2</source>
        <translation>set %1 to %2</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>Set</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>Pause training to set a weight by hand.</source>
        <translation>Pause training to set a weight by hand.</translation>
    </message>
    <message>
        <source>Red links excite (w &amp;gt; 0), blue links inhibit (w &amp;lt; 0); the thicker, the larger &lt;span style=&quot;white-space:nowrap&quot;&gt;|w|&lt;/span&gt;. Each unit shows its output over the input plane.</source>
        <translation>Red links excite (w &amp;gt; 0), blue links inhibit (w &amp;lt; 0); the thicker, the larger &lt;span style=&quot;white-space:nowrap&quot;&gt;|w|&lt;/span&gt;. Each unit shows its output over the input plane.</translation>
    </message>
</context>
<context>
    <name>koto::gui::NetworkScene</name>
    <message>
        <source>Input X</source>
        <translation>Input X</translation>
    </message>
    <message>
        <source>one sample a row</source>
        <translation>one sample a row</translation>
    </message>
    <message>
        <source>The data go in here: a mini-batch of N samples</source>
        <translation>The data go in here: a mini-batch of N samples</translation>
    </message>
    <message>
        <source>Output and loss</source>
        <translation>Output and loss</translation>
    </message>
    <message>
        <source>loss: %1</source>
        <translation>loss: %1</translation>
    </message>
    <message>
        <source>The network&apos;s answer Y, compared with the targets T by the loss J</source>
        <translation>The network&apos;s answer Y, compared with the targets T by the loss J</translation>
    </message>
</context>
<context>
    <name>koto::gui::NodeProperties</name>
    <message>
        <source>Loss J</source>
        <translation>Loss J</translation>
    </message>
    <message>
        <source>Select a node to see and change its parameters</source>
        <translation>Select a node to see and change its parameters</translation>
    </message>
    <message>
        <source>Input X: the data, one sample a row</source>
        <translation>Input X: the data, one sample a row</translation>
    </message>
    <message>
        <source>Output Y and the loss J</source>
        <translation>Output Y and the loss J</translation>
    </message>
    <message>
        <source>Output shape: not known yet</source>
        <translation>Output shape: not known yet</translation>
    </message>
    <message>
        <source>Output shape: %1</source>
        <translation>Output shape: %1</translation>
    </message>
</context>
<context>
    <name>koto::gui::OutputProbabilityView</name>
    <message>
        <source>Test sample %1</source>
        <translation>Test sample %1</translation>
    </message>
    <message>
        <source>The output appears once the training thread has computed it for this sample (also while training is paused).</source>
        <translation>The output appears once the training thread has computed it for this sample (also while training is paused).</translation>
    </message>
    <message>
        <source>probability P(Y = k | X)</source>
        <translation>probability P(Y = k | X)</translation>
    </message>
    <message>
        <source>P(Y = k | X)</source>
        <translation>P(Y = k | X)</translation>
    </message>
    <message>
        <source>the target class</source>
        <translation>the target class</translation>
    </message>
    <message>
        <source>Test sample %1: sigmoid output Y = P(Y = 1 | X) (target: %2)</source>
        <translation>Test sample %1: sigmoid output Y = P(Y = 1 | X) (target: %2)</translation>
    </message>
    <message>
        <source>Test sample %1: softmax output Y (target: %2)</source>
        <translation>Test sample %1: softmax output Y (target: %2)</translation>
    </message>
    <message>
        <source>The network answers %1 (P = %2): right.</source>
        <translation>The network answers %1 (P = %2): right.</translation>
    </message>
    <message>
        <source>The network answers %1 (P = %2): wrong.</source>
        <translation>The network answers %1 (P = %2): wrong.</translation>
    </message>
    <message>
        <source>One sigmoid output gives P(Y = 1 | X); the other class has P(Y = 0 | X) = 1 − P(Y = 1 | X). The target class&apos;s bar is green and framed; the network answers class 1 where P(Y = 1 | X) ≥ 0.5.</source>
        <translation>One sigmoid output gives P(Y = 1 | X); the other class has P(Y = 0 | X) = 1 − P(Y = 1 | X). The target class&apos;s bar is green and framed; the network answers class 1 where P(Y = 1 | X) ≥ 0.5.</translation>
    </message>
    <message>
        <source>Each bar is the probability the network gives a class for this sample, the softmax output Y[k] = exp(a[k]) / Σ exp(a[j]): the bars add up to 1. The target class&apos;s bar is green and framed; the network answers the class with the highest probability.</source>
        <translation>Each bar is the probability the network gives a class for this sample, the softmax output Y[k] = exp(a[k]) / Σ exp(a[j]): the bars add up to 1. The target class&apos;s bar is green and framed; the network answers the class with the highest probability.</translation>
    </message>
    <message>
        <source>Y</source>
        <translation>Y</translation>
    </message>
    <message>
        <source>output %1</source>
        <translation>output %1</translation>
    </message>
    <message>
        <source>value</source>
        <translation>value</translation>
    </message>
    <message>
        <source>prediction Y</source>
        <translation>prediction Y</translation>
    </message>
    <message>
        <source>target T</source>
        <translation>target T</translation>
    </message>
    <message>
        <source>Test sample %1: prediction Y and target T</source>
        <translation>Test sample %1: prediction Y and target T</translation>
    </message>
    <message>
        <source>Y = %1, T = %2: off by %3.</source>
        <translation>Y = %1, T = %2: off by %3.</translation>
    </message>
    <message>
        <source>For regression the output is the prediction itself: each bar is a prediction Y, the diamond on its line the target T it should be.</source>
        <translation>For regression the output is the prediction itself: each bar is a prediction Y, the diamond on its line the target T it should be.</translation>
    </message>
    <message>
        <source>Test sample</source>
        <translation>Test sample</translation>
    </message>
    <message>
        <source>Which test sample&apos;s output to show; clicking a point of the plot or an image of the gallery chooses it too</source>
        <translation>Which test sample&apos;s output to show; clicking a point of the plot or an image of the gallery chooses it too</translation>
    </message>
</context>
<context>
    <name>koto::gui::ProjectSession</name>
    <message>
        <source>Kotohajime projects (*.koto)</source>
        <translation>Kotohajime projects (*.koto)</translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation>Open Project</translation>
    </message>
    <message>
        <source>Save Project</source>
        <translation>Save Project</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>%1 has changes that are not saved. Save them first?</source>
        <translation>%1 has changes that are not saved. Save them first?</translation>
    </message>
    <message>
        <source>Restore unsaved work?</source>
        <translation>Restore unsaved work?</translation>
    </message>
    <message>
        <source>Kotohajime did not close properly last time. An autosave of %1 from %2 holds changes that were not saved. Restore them?</source>
        <translation>Kotohajime did not close properly last time. An autosave of %1 from %2 holds changes that were not saved. Restore them?</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Discard</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Untitled</translation>
    </message>
    <message>
        <source>The project cannot be opened</source>
        <translation>The project cannot be opened</translation>
    </message>
    <message>
        <source>%1 could not be opened.

%2

The work you had open stays as it was.</source>
        <translation>%1 could not be opened.

%2

The work you had open stays as it was.</translation>
    </message>
    <message>
        <source>It holds an autoencoder or an RBM, which opens in the Autoencoder and RBM window, but not this one: %1</source>
        <translation>It holds an autoencoder or an RBM, which opens in the Autoencoder and RBM window, but not this one: %1</translation>
    </message>
    <message>
        <source>The project was not saved</source>
        <translation>The project was not saved</translation>
    </message>
    <message>
        <source>Training did not hand over its weights in time. Pause training and save again.</source>
        <translation>Training did not hand over its weights in time. Pause training and save again.</translation>
    </message>
    <message>
        <source>The autosave cannot be restored</source>
        <translation>The autosave cannot be restored</translation>
    </message>
    <message>
        <source>The autosave of %1 could not be opened.

%2</source>
        <translation>The autosave of %1 could not be opened.

%2</translation>
    </message>
    <message>
        <source>Its data cannot be loaded, or its network does not fit the data.</source>
        <translation>Its data cannot be loaded, or its network does not fit the data.</translation>
    </message>
    <message>
        <source>It was made by a newer version of Kotohajime. Update Kotohajime to open it.</source>
        <translation>It was made by a newer version of Kotohajime. Update Kotohajime to open it.</translation>
    </message>
    <message>
        <source>The network it describes cannot be built: a layer of an unknown type, a connection to a layer that is not there, or weights that do not fit the network.</source>
        <translation>The network it describes cannot be built: a layer of an unknown type, a connection to a layer that is not there, or weights that do not fit the network.</translation>
    </message>
    <message>
        <source>The file cannot be read.</source>
        <translation>The file cannot be read.</translation>
    </message>
    <message>
        <source>The file is damaged or is not a Kotohajime project.</source>
        <translation>The file is damaged or is not a Kotohajime project.</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>Details: %1</translation>
    </message>
    <message>
        <source>%1 could not be written.

%2

Your work is still open: save it somewhere else, or mend what is said above and save again.</source>
        <translation>%1 could not be written.

%2

Your work is still open: save it somewhere else, or mend what is said above and save again.</translation>
    </message>
    <message>
        <source>A value in it is out of range: a setting, a count, or a weight that is not a finite number. The details name the field.</source>
        <translation>A value in it is out of range: a setting, a count, or a weight that is not a finite number. The details name the field.</translation>
    </message>
    <message>
        <source>Kotohajime projects and ONNX models (*.koto *.onnx)</source>
        <translation>Kotohajime projects and ONNX models (*.koto *.onnx)</translation>
    </message>
    <message>
        <source>ONNX models (*.onnx)</source>
        <translation>ONNX models (*.onnx)</translation>
    </message>
    <message>
        <source>Kotohajime opens ONNX models that are one chain of the layers it trains. This one is damaged or uses something else; the details name it.</source>
        <translation>Kotohajime opens ONNX models that are one chain of the layers it trains. This one is damaged or uses something else; the details name it.</translation>
    </message>
    <message>
        <source>No built-in dataset has inputs of this model&apos;s shape.</source>
        <translation>No built-in dataset has inputs of this model&apos;s shape.</translation>
    </message>
    <message>
        <source>The lesson cannot be opened</source>
        <translation>The lesson cannot be opened</translation>
    </message>
    <message>
        <source>Its project could not be set up.

%1

The work you had open stays as it was.</source>
        <translation>Its project could not be set up.

%1

The work you had open stays as it was.</translation>
    </message>
</context>
<context>
    <name>koto::gui::RacePanel</name>
    <message>
        <source>Steps</source>
        <translation>Steps</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Epochs</translation>
    </message>
    <message>
        <source>The main window&apos;s network on %1, from the same initial weights and mini-batches for every optimizer (on the CPU).</source>
        <translation>The main window&apos;s network on %1, from the same initial weights and mini-batches for every optimizer (on the CPU).</translation>
    </message>
    <message>
        <source>(diverged)</source>
        <translation>(diverged)</translation>
    </message>
    <message>
        <source>Each dot is one step. J after the last:</source>
        <translation>Each dot is one step. J after the last:</translation>
    </message>
    <message>
        <source>diverged</source>
        <translation>diverged</translation>
    </message>
    <message>
        <source>Racing: epoch %1 of %2</source>
        <translation>Racing: epoch %1 of %2</translation>
    </message>
    <message>
        <source>Tick two or more optimizers and press Race.</source>
        <translation>Tick two or more optimizers and press Race.</translation>
    </message>
    <message>
        <source>Test loss at the last epoch:</source>
        <translation>Test loss at the last epoch:</translation>
    </message>
    <message>
        <source>Race on</source>
        <translation>Race on</translation>
    </message>
    <message>
        <source>A logistic unit&apos;s w and b</source>
        <translation>A logistic unit&apos;s w and b</translation>
    </message>
    <message>
        <source>A narrow bowl</source>
        <translation>A narrow bowl</translation>
    </message>
    <message>
        <source>A curved valley (Rosenbrock)</source>
        <translation>A curved valley (Rosenbrock)</translation>
    </message>
    <message>
        <source>A saddle</source>
        <translation>A saddle</translation>
    </message>
    <message>
        <source>This network on this data</source>
        <translation>This network on this data</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Learning rate</translation>
    </message>
    <message>
        <source>Race</source>
        <translation>Race</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>Epoch</translation>
    </message>
    <message>
        <source>Test loss</source>
        <translation>Test loss</translation>
    </message>
</context>
<context>
    <name>koto::gui::ReconstructionCurveView</name>
    <message>
        <source>Mean free energy F(v) (right axis)</source>
        <translation>Mean free energy F(v) (right axis)</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>Epoch</translation>
    </message>
    <message>
        <source>Free energy F(v)</source>
        <translation>Free energy F(v)</translation>
    </message>
    <message>
        <source>Error on the training images</source>
        <translation>Error on the training images</translation>
    </message>
    <message>
        <source>Error on the test images</source>
        <translation>Error on the test images</translation>
    </message>
    <message>
        <source>Error per pixel</source>
        <translation>Error per pixel</translation>
    </message>
</context>
<context>
    <name>koto::gui::RecurrentStateView</name>
    <message>
        <source>Target at the last step: %1</source>
        <translation>Target at the last step: %1</translation>
    </message>
    <message>
        <source>Target: %1</source>
        <translation>Target: %1</translation>
    </message>
    <message>
        <source>Class at the last step: %1</source>
        <translation>Class at the last step: %1</translation>
    </message>
    <message>
        <source>Class: %1</source>
        <translation>Class: %1</translation>
    </message>
    <message>
        <source>Each column is one time step t, each row one unit. The gates i, f, o are between 0 (closed) and 1 (open): where the forget gate f stays near 1, the cell c keeps what it holds, and its gradient travels back through time.</source>
        <translation>Each column is one time step t, each row one unit. The gates i, f, o are between 0 (closed) and 1 (open): where the forget gate f stays near 1, the cell c keeps what it holds, and its gradient travels back through time.</translation>
    </message>
    <message>
        <source>The states appear once the training thread has computed them for this sequence (also while training is paused).</source>
        <translation>The states appear once the training thread has computed them for this sequence (also while training is paused).</translation>
    </message>
    <message numerus="yes">
        <source>%1: input x(t), %n value(s) a step</source>
        <translation>
            <numerusform>%1: input x(t), %n value a step</numerusform>
            <numerusform>%1: input x(t), %n values a step</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: input gate i(t), how much new content enters the cell</source>
        <translation>%1: input gate i(t), how much new content enters the cell</translation>
    </message>
    <message>
        <source>%1: forget gate f(t), how much of c(t−1) is kept</source>
        <translation>%1: forget gate f(t), how much of c(t−1) is kept</translation>
    </message>
    <message>
        <source>%1: output gate o(t), how much of the cell h(t) shows</source>
        <translation>%1: output gate o(t), how much of the cell h(t) shows</translation>
    </message>
    <message>
        <source>%1: candidate g(t) = tanh(x(t) Wxg + h(t−1) Whg + bg)</source>
        <translation>%1: candidate g(t) = tanh(x(t) Wxg + h(t−1) Whg + bg)</translation>
    </message>
    <message>
        <source>%1: cell state c(t) = f(t) c(t−1) + i(t) g(t)</source>
        <translation>%1: cell state c(t) = f(t) c(t−1) + i(t) g(t)</translation>
    </message>
    <message>
        <source>%1: hidden state h(t) = o(t) tanh(c(t))</source>
        <translation>%1: hidden state h(t) = o(t) tanh(c(t))</translation>
    </message>
    <message>
        <source>%1: hidden state h(t) = s(x(t) Wx + h(t−1) Wh + b)</source>
        <translation>%1: hidden state h(t) = s(x(t) Wx + h(t−1) Wh + b)</translation>
    </message>
    <message>
        <source>input value</source>
        <translation>input value</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>unit</translation>
    </message>
    <message>
        <source>Test sequence</source>
        <translation>Test sequence</translation>
    </message>
    <message>
        <source>Which test sequence to follow through the network, step by step</source>
        <translation>Which test sequence to follow through the network, step by step</translation>
    </message>
</context>
<context>
    <name>koto::gui::RunBook</name>
    <message>
        <source>Run 1</source>
        <translation>Run 1</translation>
    </message>
    <message>
        <source>Run %1</source>
        <translation>Run %1</translation>
    </message>
    <message>
        <source>same settings</source>
        <translation>same settings</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>learning rate</translation>
    </message>
    <message>
        <source>optimizer</source>
        <translation>optimizer</translation>
    </message>
    <message>
        <source>momentum</source>
        <translation>momentum</translation>
    </message>
    <message>
        <source>batch size</source>
        <translation>batch size</translation>
    </message>
    <message>
        <source>schedule</source>
        <translation>schedule</translation>
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
        <source>augmentation</source>
        <translation>augmentation</translation>
    </message>
    <message>
        <source>gradient clipping</source>
        <translation>gradient clipping</translation>
    </message>
</context>
<context>
    <name>koto::gui::RunTimeline</name>
    <message>
        <source>epoch %1 (back in time)</source>
        <translation>epoch %1 (back in time)</translation>
    </message>
    <message>
        <source>epoch %1 (now)</source>
        <translation>epoch %1 (now)</translation>
    </message>
    <message>
        <source>Go on from epoch %1 with the settings as the panels have them now; this run is kept beside the new one.</source>
        <translation>Go on from epoch %1 with the settings as the panels have them now; this run is kept beside the new one.</translation>
    </message>
    <message>
        <source>Go on from the latest checkpoint with the settings as the panels have them now; this run is kept beside the new one.</source>
        <translation>Go on from the latest checkpoint with the settings as the panels have them now; this run is kept beside the new one.</translation>
    </message>
    <message>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <source>History of %1</source>
        <translation>History of %1</translation>
    </message>
    <message>
        <source>Drag back to see the network as it was after an earlier epoch; the right end is the run as it stands. Play goes on from there.</source>
        <translation>Drag back to see the network as it was after an earlier epoch; the right end is the run as it stands. Play goes on from there.</translation>
    </message>
    <message>
        <source>Fork here…</source>
        <translation>Fork here…</translation>
    </message>
    <message>
        <source>Runs…</source>
        <translation>Runs…</translation>
    </message>
    <message>
        <source>Compare the runs kept in this project, continue or delete one.</source>
        <translation>Compare the runs kept in this project, continue or delete one.</translation>
    </message>
</context>
<context>
    <name>koto::gui::RunViews</name>
    <message>
        <source>Learning curve</source>
        <translation>Learning curve</translation>
    </message>
    <message>
        <source>Confusion matrix</source>
        <translation>Confusion matrix</translation>
    </message>
    <message>
        <source>Filters and feature maps</source>
        <translation>Filters and feature maps</translation>
    </message>
    <message>
        <source>States over time</source>
        <translation>States over time</translation>
    </message>
    <message>
        <source>Gradient through time</source>
        <translation>Gradient through time</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>Weights</translation>
    </message>
    <message>
        <source>Output probabilities</source>
        <translation>Output probabilities</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Network</translation>
    </message>
    <message>
        <source>Dropout and noise</source>
        <translation>Dropout and noise</translation>
    </message>
</context>
<context>
    <name>koto::gui::RunsDialog</name>
    <message>
        <source>Runs</source>
        <translation>Runs</translation>
    </message>
    <message>
        <source>Every run of this project. Tick a kept run to draw its test loss beside the run training; double-click a name to rename it.</source>
        <translation>Every run of this project. Tick a kept run to draw its test loss beside the run training; double-click a name to rename it.</translation>
    </message>
    <message>
        <source>On the curve</source>
        <translation>On the curve</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Run</translation>
    </message>
    <message>
        <source>Forked from</source>
        <translation>Forked from</translation>
    </message>
    <message>
        <source>Settings that differ</source>
        <translation>Settings that differ</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Epochs</translation>
    </message>
    <message>
        <source>Final test loss</source>
        <translation>Final test loss</translation>
    </message>
    <message>
        <source>Best test loss</source>
        <translation>Best test loss</translation>
    </message>
    <message>
        <source>Final test accuracy</source>
        <translation>Final test accuracy</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Continue this run</source>
        <translation>Continue this run</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>training</source>
        <translation>training</translation>
    </message>
    <message>
        <source>%1 at epoch %2</source>
        <translation>%1 at epoch %2</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
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
        <source>flatten: each sample&apos;s feature maps become one row of values</source>
        <translation>flatten: each sample&apos;s feature maps become one row of values</translation>
    </message>
    <message numerus="yes">
        <source>convolution, %n filter(s) of %1×%1, %2</source>
        <translation>
            <numerusform>convolution, %n filter of %1×%1, %2</numerusform>
            <numerusform>convolution, %n filters of %1×%1, %2</numerusform>
        </translation>
    </message>
    <message>
        <source>max pooling, %1×%1 windows</source>
        <translation>max pooling, %1×%1 windows</translation>
    </message>
    <message>
        <source>average pooling, %1×%1 windows</source>
        <translation>average pooling, %1×%1 windows</translation>
    </message>
    <message>
        <source>%1 filters of %2×%3×%3 slide over %4 with stride S = %5 and zero padding P = %6: %7 → %8</source>
        <translation>%1 filters of %2×%3×%3 slide over %4 with stride S = %5 and zero padding P = %6: %7 → %8</translation>
    </message>
    <message>
        <source>(over every window that covered (y, x), at its kernel position (ky, kx): each input collects the error of every window it was in)</source>
        <translation>(over every window that covered (y, x), at its kernel position (ky, kx): each input collects the error of every window it was in)</translation>
    </message>
    <message>
        <source>%1×%1 windows moved by %1: %2 → %3</source>
        <translation>%1×%1 windows moved by %1: %2 → %3</translation>
    </message>
    <message numerus="yes">
        <source>The last %n row(s) or column(s), which no whole window covers, are left out.</source>
        <translation>
            <numerusform>The last %n row or column, which no whole window covers, is left out.</numerusform>
            <numerusform>The last %n rows or columns, which no whole window covers, are left out.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1[n,c,y,x] = %2 where %3[n,c,y,x] won its window, 0 elsewhere: the gradient goes to the winner alone</source>
        <translation>%1[n,c,y,x] = %2 where %3[n,c,y,x] won its window, 0 elsewhere: the gradient goes to the winner alone</translation>
    </message>
    <message>
        <source>(every input of a window gets an equal share)</source>
        <translation>(every input of a window gets an equal share)</translation>
    </message>
    <message numerus="yes">
        <source>%n of the %1 products are 0 and are left out.</source>
        <translation>
            <numerusform>%n of the %1 products are 0 and are left out.</numerusform>
            <numerusform>%n of the %1 products are 0 and are left out.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Weight (%1, %2) of channel %3 of filter %4 met %n input(s): one in each window of each sample, where the window did not lie on the zero padding.</source>
        <translation>
            <numerusform>Weight (%1, %2) of channel %3 of filter %4 met %n input: one in each window of each sample, where the window did not lie on the zero padding.</numerusform>
            <numerusform>Weight (%1, %2) of channel %3 of filter %4 met %n inputs: one in each window of each sample, where the window did not lie on the zero padding.</numerusform>
        </translation>
    </message>
    <message>
        <source>The window: rows %1, columns %2 of every channel of %3[%4], weighted by filter %5[%6].</source>
        <translation>The window: rows %1, columns %2 of every channel of %3[%4], weighted by filter %5[%6].</translation>
    </message>
    <message numerus="yes">
        <source>%n of its inputs lie on the zero padding and add nothing.</source>
        <translation>
            <numerusform>%n of its inputs lie on the zero padding and add nothing.</numerusform>
            <numerusform>%n of its inputs lie on the zero padding and add nothing.</numerusform>
        </translation>
    </message>
    <message>
        <source>The winner: %1 = %2.</source>
        <translation>The winner: %1 = %2.</translation>
    </message>
    <message>
        <source>Passed back by layer %1: its %2 at the same place.</source>
        <translation>Passed back by layer %1: its %2 at the same place.</translation>
    </message>
    <message numerus="yes">
        <source>%1 was in %n window(s) of each filter: %2.</source>
        <translation>
            <numerusform>%1 was in %n window of each filter: %2.</numerusform>
            <numerusform>%1 was in %n windows of each filter: %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>No whole window covers %1: it was left out, and gets no gradient.</source>
        <translation>No whole window covers %1: it was left out, and gets no gradient.</translation>
    </message>
    <message>
        <source>%1 won its window: the whole gradient goes to it.</source>
        <translation>%1 won its window: the whole gradient goes to it.</translation>
    </message>
    <message>
        <source>%1 did not win its window (%2 did): it gets no gradient.</source>
        <translation>%1 did not win its window (%2 did): it gets no gradient.</translation>
    </message>
    <message numerus="yes">
        <source>SimpleRNN, %n unit(s), %1</source>
        <translation>
            <numerusform>SimpleRNN, %n unit, %1</numerusform>
            <numerusform>SimpleRNN, %n units, %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>LSTM, %n unit(s)</source>
        <translation>
            <numerusform>LSTM, %n unit</numerusform>
            <numerusform>LSTM, %n units</numerusform>
        </translation>
    </message>
    <message>
        <source>the last time step h(T) goes on</source>
        <translation>the last time step h(T) goes on</translation>
    </message>
    <message>
        <source>every time step goes on as a row of its own</source>
        <translation>every time step goes on as a row of its own</translation>
    </message>
    <message>
        <source>One answer per sequence: only the last step&apos;s hidden state goes on.</source>
        <translation>One answer per sequence: only the last step&apos;s hidden state goes on.</translation>
    </message>
    <message>
        <source>dJ/d%1(T) = dJ/d%2; the earlier steps get 0 here, and their gradient through the recurrence.</source>
        <translation>dJ/d%1(T) = dJ/d%2; the earlier steps get 0 here, and their gradient through the recurrence.</translation>
    </message>
    <message>
        <source>(input gate: how much new content enters)</source>
        <translation>(input gate: how much new content enters)</translation>
    </message>
    <message>
        <source>(forget gate: how much of c(t−1) is kept)</source>
        <translation>(forget gate: how much of c(t−1) is kept)</translation>
    </message>
    <message>
        <source>(output gate: how much of the cell is shown)</source>
        <translation>(output gate: how much of the cell is shown)</translation>
    </message>
    <message>
        <source>(candidate content)</source>
        <translation>(candidate content)</translation>
    </message>
    <message>
        <source>T = %1 time steps, t = 1 … T; the same weights at every step.</source>
        <translation>T = %1 time steps, t = 1 … T; the same weights at every step.</translation>
    </message>
    <message>
        <source>(the gradient from this step&apos;s output and from the step after it)</source>
        <translation>(the gradient from this step&apos;s output and from the step after it)</translation>
    </message>
    <message>
        <source>Through the cell the gradient goes back multiplied only by the forget gate f: while f stays near 1 it survives far back in time.</source>
        <translation>Through the cell the gradient goes back multiplied only by the forget gate f: while f stays near 1 it survives far back in time.</translation>
    </message>
    <message>
        <source>Each step back multiplies the gradient by Whᵀ and s′: through a SimpleRNN it shrinks (or explodes) as it goes back in time.</source>
        <translation>Each step back multiplies the gradient by Whᵀ and s′: through a SimpleRNN it shrinks (or explodes) as it goes back in time.</translation>
    </message>
    <message>
        <source>This step&apos;s mask dropped %1 of the %2 units (the zeros of M; a share of %3, about 1 − p), and scaled the others by 1/p.</source>
        <translation>This step&apos;s mask dropped %1 of the %2 units (the zeros of M; a share of %3, about 1 − p), and scaled the others by 1/p.</translation>
    </message>
    <message>
        <source>Each sample&apos;s C×H×W values (channels first) are already one row of C·H·W numbers: they pass on unchanged, %1[n, (c·H + y)·W + x] = %1[n,c,y,x].</source>
        <translation>Each sample&apos;s C×H×W values (channels first) are already one row of C·H·W numbers: they pass on unchanged, %1[n, (c·H + y)·W + x] = %1[n,c,y,x].</translation>
    </message>
    <message>
        <source>It goes back unchanged: the same values, read again as C×H×W feature maps.</source>
        <translation>It goes back unchanged: the same values, read again as C×H×W feature maps.</translation>
    </message>
    <message>
        <source>(L2: the gradient of l2·w²)</source>
        <translation>(L2: the gradient of l2·w²)</translation>
    </message>
    <message>
        <source>g is dJ/dw from the backward pass.</source>
        <translation>g is dJ/dw from the backward pass.</translation>
    </message>
    <message>
        <source>(L1, after the step above: each weight moves learning_rate·l1 toward 0 and stops at 0)</source>
        <translation>(L1, after the step above: each weight moves learning_rate·l1 toward 0 and stops at 0)</translation>
    </message>
    <message>
        <source>The penalties act on every weight and bias.</source>
        <translation>The penalties act on every weight and bias.</translation>
    </message>
    <message>
        <source>The penalties act on the weights, not on the biases.</source>
        <translation>The penalties act on the weights, not on the biases.</translation>
    </message>
    <message>
        <source>Unit %1 of sample %2 was dropped in this step.</source>
        <translation>Unit %1 of sample %2 was dropped in this step.</translation>
    </message>
    <message>
        <source>Unit %1 of sample %2 was kept, and scaled by 1/p.</source>
        <translation>Unit %1 of sample %2 was kept, and scaled by 1/p.</translation>
    </message>
    <message>
        <source>Flatten made %1 column k = (c·%2 + y)·%3 + x = %4 of the row that layer %5 reads; its gradient there is %6.</source>
        <translation>Flatten made %1 column k = (c·%2 + y)·%3 + x = %4 of the row that layer %5 reads; its gradient there is %6.</translation>
    </message>
    <message numerus="yes">
        <source>One product for each of the %n sample(s) at each of the %1 time steps, sample by sample through t = 1 … %1: the same weights act at every step.</source>
        <translation>
            <numerusform>One product for each of the %n sample at each of the %1 time steps, sample by sample through t = 1 … %1: the same weights act at every step.</numerusform>
            <numerusform>One product for each of the %n samples at each of the %1 time steps, sample by sample through t = 1 … %1: the same weights act at every step.</numerusform>
        </translation>
    </message>
    <message>
        <source>h(0) = 0, so t = 1 adds nothing.</source>
        <translation>h(0) = 0, so t = 1 adds nothing.</translation>
    </message>
    <message numerus="yes">
        <source>N = %1 rows: %n sequence(s) x %2 time steps (seq:many answers at every step); J is their mean cost.</source>
        <translation>
            <numerusform>N = %1 rows: %n sequence x %2 time steps (seq:many answers at every step); J is their mean cost.</numerusform>
            <numerusform>N = %1 rows: %n sequences x %2 time steps (seq:many answers at every step); J is their mean cost.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>koto::gui::SurfaceRacePlot</name>
    <message>
        <source>(diverged)</source>
        <translation>(diverged)</translation>
    </message>
</context>
<context>
    <name>koto::gui::SweepPanel</name>
    <message>
        <source>diverged</source>
        <translation>diverged</translation>
    </message>
    <message>
        <source>Training loss</source>
        <translation>Training loss</translation>
    </message>
    <message>
        <source>Test loss</source>
        <translation>Test loss</translation>
    </message>
    <message>
        <source>Test accuracy</source>
        <translation>Test accuracy</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Training combination %1 of %2…</source>
        <translation>Training combination %1 of %2…</translation>
    </message>
    <message>
        <source>Choose what to vary and press Run sweep.</source>
        <translation>Choose what to vary and press Run sweep.</translation>
    </message>
    <message>
        <source>Cancelled: %1 of %2 combinations trained. The brighter a cell, the better.</source>
        <translation>Cancelled: %1 of %2 combinations trained. The brighter a cell, the better.</translation>
    </message>
    <message>
        <source>%1 combinations trained, each from the same seed. The brighter a cell, the better.</source>
        <translation>%1 combinations trained, each from the same seed. The brighter a cell, the better.</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>learning rate</translation>
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
        <source>momentum</source>
        <translation>momentum</translation>
    </message>
    <message>
        <source>batch size</source>
        <translation>batch size</translation>
    </message>
    <message>
        <source>hidden units</source>
        <translation>hidden units</translation>
    </message>
    <message>
        <source>Values apart by commas: 0.01, 0.1, 1</source>
        <translation>Values apart by commas: 0.01, 0.1, 1</translation>
    </message>
    <message>
        <source>and a second one</source>
        <translation>and a second one</translation>
    </message>
    <message>
        <source>Epochs each</source>
        <translation>Epochs each</translation>
    </message>
    <message>
        <source>Heatmap of</source>
        <translation>Heatmap of</translation>
    </message>
    <message>
        <source>final test loss</source>
        <translation>final test loss</translation>
    </message>
    <message>
        <source>final test accuracy (%)</source>
        <translation>final test accuracy (%)</translation>
    </message>
    <message>
        <source>final training loss</source>
        <translation>final training loss</translation>
    </message>
    <message>
        <source>Run sweep</source>
        <translation>Run sweep</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>koto::gui::TaskCard</name>
    <message>
        <source>Task %1: %2</source>
        <translation>Task %1: %2</translation>
    </message>
    <message>
        <source>Hint %1: %2</source>
        <translation>Hint %1: %2</translation>
    </message>
    <message>
        <source>Show a hint</source>
        <translation>Show a hint</translation>
    </message>
    <message>
        <source>Another hint (%1 left)</source>
        <translation>Another hint (%1 left)</translation>
    </message>
    <message>
        <source>Done: the check passed on your run</source>
        <translation>Done: the check passed on your run</translation>
    </message>
    <message>
        <source>Not done yet</source>
        <translation>Not done yet</translation>
    </message>
</context>
<context>
    <name>koto::gui::TimeHeatmap</name>
    <message>
        <source>time step t</source>
        <translation>time step t</translation>
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
    <message>
        <source>Clip gradients at</source>
        <translation>Clip gradients at</translation>
    </message>
    <message>
        <source>off</source>
        <translation>off</translation>
    </message>
    <message>
        <source>Gradient clipping: with g all the weights&apos; gradients together and ‖g‖ = √(Σ g²), when ‖g‖ &gt; θ every gradient is scaled: g = g · θ / ‖g‖, before the update. It keeps an exploding gradient (through time, in a recurrent layer) from throwing the weights away; 0 is off</source>
        <translation>Gradient clipping: with g all the weights&apos; gradients together and ‖g‖ = √(Σ g²), when ‖g‖ &gt; θ every gradient is scaled: g = g · θ / ‖g‖, before the update. It keeps an exploding gradient (through time, in a recurrent layer) from throwing the weights away; 0 is off</translation>
    </message>
</context>
<context>
    <name>koto::gui::UnsupervisedWindow</name>
    <message>
        <source>Save the model as</source>
        <translation>Save the model as</translation>
    </message>
    <message>
        <source>Kotohajime projects (*.koto)</source>
        <translation>Kotohajime projects (*.koto)</translation>
    </message>
    <message>
        <source>Autoencoder</source>
        <translation>Autoencoder</translation>
    </message>
    <message>
        <source>RBM</source>
        <translation>RBM</translation>
    </message>
    <message>
        <source>The model was not saved</source>
        <translation>The model was not saved</translation>
    </message>
    <message>
        <source>The training thread did not hand over the model in time, or there is none (choose image data first). Nothing was written.</source>
        <translation>The training thread did not hand over the model in time, or there is none (choose image data first). Nothing was written.</translation>
    </message>
    <message>
        <source>%1 could not be written.

%2

A file that was there stays as it was.</source>
        <translation>%1 could not be written.

%2

A file that was there stays as it was.</translation>
    </message>
    <message>
        <source>Input images X</source>
        <translation>Input images X</translation>
    </message>
    <message>
        <source>Their reconstructions</source>
        <translation>Their reconstructions</translation>
    </message>
    <message>
        <source>Learned features: each hidden unit&apos;s weights W, as an image</source>
        <translation>Learned features: each hidden unit&apos;s weights W, as an image</translation>
    </message>
    <message>
        <source>Gibbs chain: p(v|h) after %1 steps from the images above</source>
        <translation>Gibbs chain: p(v|h) after %1 steps from the images above</translation>
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
        <source>Choose image data (Fashion-MNIST, IDX or CSV images) in the main window: these models learn from the pixels alone.</source>
        <translation>Choose image data (Fashion-MNIST, IDX or CSV images) in the main window: these models learn from the pixels alone.</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Starting…</translation>
    </message>
    <message>
        <source>Cannot train: %1</source>
        <translation>Cannot train: %1</translation>
    </message>
    <message>
        <source>Preparing GPU kernels on %1… (the first time takes seconds)</source>
        <translation>Preparing GPU kernels on %1… (the first time takes seconds)</translation>
    </message>
    <message>
        <source>The OpenCL device could not be used, so training runs on the CPU: %1</source>
        <translation>The OpenCL device could not be used, so training runs on the CPU: %1</translation>
    </message>
    <message>
        <source>Paused at the initial weights: Play trains, Step makes one mini-batch step.</source>
        <translation>Paused at the initial weights: Play trains, Step makes one mini-batch step.</translation>
    </message>
    <message>
        <source>Step %1</source>
        <translation>Step %1</translation>
    </message>
    <message>
        <source>Epoch %1: reconstruction error (mean squared, per pixel) training %2, test %3</source>
        <translation>Epoch %1: reconstruction error (mean squared, per pixel) training %2, test %3</translation>
    </message>
    <message>
        <source>; mean free energy %1</source>
        <translation>; mean free energy %1</translation>
    </message>
    <message>
        <source>Autoencoder and RBM</source>
        <translation>Autoencoder and RBM</translation>
    </message>
    <message>
        <source>Restricted Boltzmann machine (RBM)</source>
        <translation>Restricted Boltzmann machine (RBM)</translation>
    </message>
    <message>
        <source>Encoder sizes</source>
        <translation>Encoder sizes</translation>
    </message>
    <message>
        <source>256,64: the encoder 784-256-64 and the mirrored decoder 64-256-784</source>
        <translation>256,64: the encoder 784-256-64 and the mirrored decoder 64-256-784</translation>
    </message>
    <message>
        <source>Tied weights (decoder W = encoder W^T)</source>
        <translation>Tied weights (decoder W = encoder W^T)</translation>
    </message>
    <message>
        <source>Denoising noise σ</source>
        <translation>Denoising noise σ</translation>
    </message>
    <message>
        <source>Gaussian noise on the input only; the target stays the clean image</source>
        <translation>Gaussian noise on the input only; the target stays the clean image</translation>
    </message>
    <message>
        <source>Hidden units</source>
        <translation>Hidden units</translation>
    </message>
    <message>
        <source>CD-k steps k</source>
        <translation>CD-k steps k</translation>
    </message>
    <message>
        <source>Persistent chains (PCD)</source>
        <translation>Persistent chains (PCD)</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Learning rate</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Epochs</translation>
    </message>
    <message>
        <source>Play trains until this many epochs are done</source>
        <translation>Play trains until this many epochs are done</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>One gradient step on one mini-batch</source>
        <translation>One gradient step on one mini-batch</translation>
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
        <source>Save As…</source>
        <translation>Save As…</translation>
    </message>
    <message>
        <source>Save the model, its settings, weights and learning curve as a .koto project</source>
        <translation>Save the model, its settings, weights and learning curve as a .koto project</translation>
    </message>
    <message>
        <source>The weights were not handed over</source>
        <translation>The weights were not handed over</translation>
    </message>
    <message>
        <source>The training thread did not hand over the model in time, or there is none.</source>
        <translation>The training thread did not hand over the model in time, or there is none.</translation>
    </message>
    <message>
        <source>The model has no trained weights yet.</source>
        <translation>The model has no trained weights yet.</translation>
    </message>
    <message>
        <source>Step %1 (%2 steps per epoch)</source>
        <translation>Step %1 (%2 steps per epoch)</translation>
    </message>
    <message>
        <source>Use as the first layer of the classifier</source>
        <translation>Use as the first layer of the classifier</translation>
    </message>
    <message>
        <source>Pre-training: the main window&apos;s network starts from this W and hidden bias in its first dense layer, and learns from the labels from there</source>
        <translation>Pre-training: the main window&apos;s network starts from this W and hidden bias in its first dense layer, and learns from the labels from there</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Discard</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message numerus="yes">
        <source>All %n epoch(s) are done: raise Epochs to train on, or Step.</source>
        <translation>
            <numerusform>The %n epoch is done: raise Epochs to train on, or Step.</numerusform>
            <numerusform>All %n epochs are done: raise Epochs to train on, or Step.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The autoencoder has trained %n step(s). Switching to the restricted Boltzmann machine (RBM) starts a new model: the autoencoder&apos;s weights and learning curve are lost unless you save them first.</source>
        <translation>
            <numerusform>The autoencoder has trained %n step. Switching to the restricted Boltzmann machine (RBM) starts a new model: the autoencoder&apos;s weights and learning curve are lost unless you save them first.</numerusform>
            <numerusform>The autoencoder has trained %n steps. Switching to the restricted Boltzmann machine (RBM) starts a new model: the autoencoder&apos;s weights and learning curve are lost unless you save them first.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The restricted Boltzmann machine (RBM) has trained %n step(s). Switching to the autoencoder starts a new model: the RBM&apos;s weights and learning curve are lost unless you save them first.</source>
        <translation>
            <numerusform>The restricted Boltzmann machine (RBM) has trained %n step. Switching to the autoencoder starts a new model: the RBM&apos;s weights and learning curve are lost unless you save them first.</numerusform>
            <numerusform>The restricted Boltzmann machine (RBM) has trained %n steps. Switching to the autoencoder starts a new model: the RBM&apos;s weights and learning curve are lost unless you save them first.</numerusform>
        </translation>
    </message>
    <message>
        <source>Switch the model?</source>
        <translation>Switch the model?</translation>
    </message>
    <message>
        <source>Export Model…</source>
        <translation>Export Model…</translation>
    </message>
    <message>
        <source>The autoencoder (encoder and decoder) or the RBM&apos;s p(h|v) as ONNX, NumPy arrays, or a NumPy or PyTorch script</source>
        <translation>The autoencoder (encoder and decoder) or the RBM&apos;s p(h|v) as ONNX, NumPy arrays, or a NumPy or PyTorch script</translation>
    </message>
</context>
<context>
    <name>koto::gui::ViewExportMenu</name>
    <message>
        <source>E&amp;xport View…</source>
        <translation>E&amp;xport View…</translation>
    </message>
    <message>
        <source>Save the chart shown as a picture (PNG or SVG) or its data as CSV</source>
        <translation>Save the chart shown as a picture (PNG or SVG) or its data as CSV</translation>
    </message>
    <message>
        <source>Export &amp;Picture…</source>
        <translation>Export &amp;Picture…</translation>
    </message>
    <message>
        <source>Save the decision boundary or the image gallery as a picture (PNG or SVG) or its data as CSV</source>
        <translation>Save the decision boundary or the image gallery as a picture (PNG or SVG) or its data as CSV</translation>
    </message>
    <message>
        <source>Save as Picture…</source>
        <translation>Save as Picture…</translation>
    </message>
    <message>
        <source>Save Data as CSV…</source>
        <translation>Save Data as CSV…</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG image (*.png)</translation>
    </message>
    <message>
        <source>SVG drawing, sharp at any size (*.svg)</source>
        <translation>SVG drawing, sharp at any size (*.svg)</translation>
    </message>
    <message>
        <source>CSV data (*.csv)</source>
        <translation>CSV data (*.csv)</translation>
    </message>
    <message>
        <source>Save Data as CSV</source>
        <translation>Save Data as CSV</translation>
    </message>
    <message>
        <source>Export View</source>
        <translation>Export View</translation>
    </message>
    <message>
        <source>The view was not saved</source>
        <translation>The view was not saved</translation>
    </message>
</context>
<context>
    <name>koto::gui::WeightMeaning</name>
    <message>
        <source>bias</source>
        <translation>bias</translation>
    </message>
    <message>
        <source>filter</source>
        <translation>filter</translation>
    </message>
    <message>
        <source>filter %1</source>
        <translation>filter %1</translation>
    </message>
    <message>
        <source>h(t−1), unit</source>
        <translation>h(t−1), unit</translation>
    </message>
    <message>
        <source>h%1(t−1)</source>
        <translation>h%1(t−1)</translation>
    </message>
    <message>
        <source>input pixel (row by row)</source>
        <translation>input pixel (row by row)</translation>
    </message>
    <message>
        <source>pixel (%1, %2)</source>
        <translation>pixel (%1, %2)</translation>
    </message>
    <message>
        <source>input %1 (channel, row, column)</source>
        <translation>input %1 (channel, row, column)</translation>
    </message>
    <message>
        <source>%1 channel %2 at (%3, %4)</source>
        <translation>%1 channel %2 at (%3, %4)</translation>
    </message>
    <message>
        <source>input x(t), value</source>
        <translation>input x(t), value</translation>
    </message>
    <message>
        <source>input x_i</source>
        <translation>input x_i</translation>
    </message>
    <message>
        <source>input x%1(t)</source>
        <translation>input x%1(t)</translation>
    </message>
    <message>
        <source>input x%1</source>
        <translation>input x%1</translation>
    </message>
    <message>
        <source>h(T), unit</source>
        <translation>h(T), unit</translation>
    </message>
    <message>
        <source>h%1(T)</source>
        <translation>h%1(T)</translation>
    </message>
    <message>
        <source>hidden unit</source>
        <translation>hidden unit</translation>
    </message>
    <message>
        <source>hidden unit %1</source>
        <translation>hidden unit %1</translation>
    </message>
    <message>
        <source>hidden unit of %1</source>
        <translation>hidden unit of %1</translation>
    </message>
    <message>
        <source>hidden unit %1 of %2</source>
        <translation>hidden unit %1 of %2</translation>
    </message>
    <message>
        <source>weight of the window (channel, row, column)</source>
        <translation>weight of the window (channel, row, column)</translation>
    </message>
    <message>
        <source>channel %1 at (%2, %3) of its %4 × %4 window</source>
        <translation>channel %1 at (%2, %3) of its %4 × %4 window</translation>
    </message>
    <message>
        <source>input gate i</source>
        <translation>input gate i</translation>
    </message>
    <message>
        <source>forget gate f</source>
        <translation>forget gate f</translation>
    </message>
    <message>
        <source>output gate o</source>
        <translation>output gate o</translation>
    </message>
    <message>
        <source>candidate g</source>
        <translation>candidate g</translation>
    </message>
    <message>
        <source>%1, unit</source>
        <translation>%1, unit</translation>
    </message>
    <message>
        <source>%1 of unit %2</source>
        <translation>%1 of unit %2</translation>
    </message>
    <message>
        <source>h(t), unit</source>
        <translation>h(t), unit</translation>
    </message>
    <message>
        <source>h%1(t)</source>
        <translation>h%1(t)</translation>
    </message>
    <message>
        <source>output y_k</source>
        <translation>output y_k</translation>
    </message>
    <message>
        <source>output y%1</source>
        <translation>output y%1</translation>
    </message>
    <message>
        <source>bias of %1</source>
        <translation>bias of %1</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
</context>
<context>
    <name>koto::gui::WeightView</name>
    <message>
        <source>%1 of %2 (%3 × %4)</source>
        <translation>%1 of %2 (%3 × %4)</translation>
    </message>
    <message>
        <source>The weights appear once the training thread has copied them (also while training is paused).</source>
        <translation>The weights appear once the training thread has copied them (also while training is paused).</translation>
    </message>
    <message>
        <source>%1 (%2) after step %3</source>
        <translation>%1 (%2) after step %3</translation>
    </message>
    <message>
        <source>Each cell is one weight %1[i, j], row i and column j counted from 1: blue below 0, red above, white near 0. Point at a cell to see what it connects.</source>
        <translation>Each cell is one weight %1[i, j], row i and column j counted from 1: blue below 0, red above, white near 0. Point at a cell to see what it connects.</translation>
    </message>
    <message>
        <source>dJ/d%1 (%2) of step %3</source>
        <translation>dJ/d%1 (%2) of step %3</translation>
    </message>
    <message>
        <source>The gradient appears after the first step.</source>
        <translation>The gradient appears after the first step.</translation>
    </message>
    <message>
        <source>The gradient the update used (with the L1 and L2 terms): the step moves each weight against it, %1 − learning_rate · dJ/d%1 for plain gradient descent.</source>
        <translation>The gradient the update used (with the L1 and L2 terms): the step moves each weight against it, %1 − learning_rate · dJ/d%1 for plain gradient descent.</translation>
    </message>
    <message>
        <source>Δ%1 (%2)</source>
        <translation>Δ%1 (%2)</translation>
    </message>
    <message>
        <source>Δ%1 (%2) of step %3</source>
        <translation>Δ%1 (%2) of step %3</translation>
    </message>
    <message>
        <source>The update appears after the next step (Step, or Play).</source>
        <translation>The update appears after the next step (Step, or Play).</translation>
    </message>
    <message>
        <source>Δ%1 = %1 after the step − %1 before it: how this step moved each weight.</source>
        <translation>Δ%1 = %1 after the step − %1 before it: how this step moved each weight.</translation>
    </message>
    <message>
        <source>Δ%1 = %1 after the step − %1 before it, of step %2: the last update copied while training ran (Step shows the next one).</source>
        <translation>Δ%1 = %1 after the step − %1 before it, of step %2: the last update copied while training ran (Step shows the next one).</translation>
    </message>
    <message>
        <source>&lt;span style=&quot;color:black&quot;&gt;■&lt;/span&gt; black: exactly 0 (%1 of %2 cells)</source>
        <translation>&lt;span style=&quot;color:black&quot;&gt;■&lt;/span&gt; black: exactly 0 (%1 of %2 cells)</translation>
    </message>
    <message>
        <source>Point at a cell: what it connects and its value.</source>
        <translation>Point at a cell: what it connects and its value.</translation>
    </message>
    <message>
        <source>Each hidden unit&apos;s incoming weights as a %1 × %2 image</source>
        <translation>Each hidden unit&apos;s incoming weights as a %1 × %2 image</translation>
    </message>
    <message>
        <source>value</source>
        <translation>value</translation>
    </message>
    <message>
        <source>cells</source>
        <translation>cells</translation>
    </message>
    <message>
        <source>How the values shown spread (outside the range: at its ends)</source>
        <translation>How the values shown spread (outside the range: at its ends)</translation>
    </message>
    <message>
        <source>How the values of %1 spread, epoch by epoch: the median, 25–75 % and 5–95 %</source>
        <translation>How the values of %1 spread, epoch by epoch: the median, 25–75 % and 5–95 %</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>epoch</translation>
    </message>
    <message>
        <source>exactly 0</source>
        <translation>exactly 0</translation>
    </message>
    <message>
        <source>%1 = %2: %3</source>
        <translation>%1 = %2: %3</translation>
    </message>
    <message>
        <source>Matrix</source>
        <translation>Matrix</translation>
    </message>
    <message>
        <source>Which weights to show, by the curriculum&apos;s names</source>
        <translation>Which weights to show, by the curriculum&apos;s names</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Weights W</source>
        <translation>Weights W</translation>
    </message>
    <message>
        <source>Gradient dJ/dW</source>
        <translation>Gradient dJ/dW</translation>
    </message>
    <message>
        <source>Last update ΔW</source>
        <translation>Last update ΔW</translation>
    </message>
    <message>
        <source>Colours</source>
        <translation>Colours</translation>
    </message>
    <message>
        <source>Automatic range</source>
        <translation>Automatic range</translation>
    </message>
    <message>
        <source>Fixed range</source>
        <translation>Fixed range</translation>
    </message>
    <message>
        <source>Automatic: ± the largest magnitude shown. Fixed: the same colours from step to step, so that changes compare.</source>
        <translation>Automatic: ± the largest magnitude shown. Fixed: the same colours from step to step, so that changes compare.</translation>
    </message>
    <message>
        <source>As images</source>
        <translation>As images</translation>
    </message>
    <message>
        <source>Each hidden unit&apos;s incoming weights, one per pixel, as an image</source>
        <translation>Each hidden unit&apos;s incoming weights, one per pixel, as an image</translation>
    </message>
</context>
</TS>
