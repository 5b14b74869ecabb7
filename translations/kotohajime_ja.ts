<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>AnimationFrame</name>
    <message>
        <source>Epoch %1 · test loss %2 · test RMSE %3</source>
        <translation>エポック %1 · テスト損失 %2 · テスト RMSE %3</translation>
    </message>
    <message>
        <source>Epoch %1 · test loss %2 · test accuracy %3 %</source>
        <translation>エポック %1 · テスト損失 %2 · テスト正解率 %3 %</translation>
    </message>
</context>
<context>
    <name>ComputeStatus</name>
    <message>
        <source>Preparing GPU kernels on %1… (the first time takes seconds)</source>
        <translation>%1 で GPU カーネルを準備中…（初回は数秒かかります）</translation>
    </message>
    <message>
        <source>Paused: computes on %1 (kernels prepared in %2 s)</source>
        <translation>一時停止中: 計算は %1（カーネルの準備 %2 秒）</translation>
    </message>
    <message>
        <source>Computing on %1 (kernels prepared in %2 s)</source>
        <translation>%1 で計算中（カーネルの準備 %2 秒）</translation>
    </message>
    <message>
        <source>Paused: computes on %1</source>
        <translation>一時停止中: 計算は %1</translation>
    </message>
    <message>
        <source>Computing on %1</source>
        <translation>%1 で計算中</translation>
    </message>
</context>
<context>
    <name>UiText</name>
    <message>
        <source>Circle</source>
        <translation>円</translation>
    </message>
    <message>
        <source>Exclusive or (XOR)</source>
        <translation>排他的論理和 (XOR)</translation>
    </message>
    <message>
        <source>Two Gaussians</source>
        <translation>2つのガウス分布</translation>
    </message>
    <message>
        <source>Spiral</source>
        <translation>渦巻き</translation>
    </message>
    <message>
        <source>Two moons</source>
        <translation>2つの三日月</translation>
    </message>
    <message>
        <source>Plane (regression)</source>
        <translation>平面（回帰）</translation>
    </message>
    <message>
        <source>Multi-Gaussian (regression)</source>
        <translation>複数のガウス山（回帰）</translation>
    </message>
    <message>
        <source>Linear</source>
        <translation>線形</translation>
    </message>
    <message>
        <source>Sigmoid</source>
        <translation>シグモイド</translation>
    </message>
    <message>
        <source>Tanh</source>
        <translation>tanh</translation>
    </message>
    <message>
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <source>Softmax</source>
        <translation>ソフトマックス</translation>
    </message>
    <message>
        <source>cross-entropy</source>
        <translation>交差エントロピー</translation>
    </message>
    <message>
        <source>binary cross-entropy</source>
        <translation>2値交差エントロピー</translation>
    </message>
    <message>
        <source>mean squared error</source>
        <translation>平均二乗誤差</translation>
    </message>
    <message>
        <source>Fashion-MNIST (clothing images)</source>
        <translation>Fashion-MNIST（衣類の画像）</translation>
    </message>
    <message>
        <source>Images in IDX files (MNIST)…</source>
        <translation>IDX ファイルの画像（MNIST）…</translation>
    </message>
    <message>
        <source>Table in a CSV file…</source>
        <translation>CSV ファイルの表…</translation>
    </message>
    <message>
        <source>T-shirt/top</source>
        <translation>Tシャツ/トップス</translation>
    </message>
    <message>
        <source>Trouser</source>
        <translation>ズボン</translation>
    </message>
    <message>
        <source>Pullover</source>
        <translation>プルオーバー</translation>
    </message>
    <message>
        <source>Dress</source>
        <translation>ドレス</translation>
    </message>
    <message>
        <source>Coat</source>
        <translation>コート</translation>
    </message>
    <message>
        <source>Sandal</source>
        <translation>サンダル</translation>
    </message>
    <message>
        <source>Shirt</source>
        <translation>シャツ</translation>
    </message>
    <message>
        <source>Sneaker</source>
        <translation>スニーカー</translation>
    </message>
    <message>
        <source>Bag</source>
        <translation>バッグ</translation>
    </message>
    <message>
        <source>Ankle boot</source>
        <translation>アンクルブーツ</translation>
    </message>
    <message>
        <source>Sine wave: the next value (sequence)</source>
        <translation>正弦波: 次の値（系列）</translation>
    </message>
    <message>
        <source>First bit of a bit sequence</source>
        <translation>ビット列の最初のビット</translation>
    </message>
    <message>
        <source>Parity of a bit sequence</source>
        <translation>ビット列のパリティ</translation>
    </message>
    <message>
        <source>Fashion-MNIST, row by row (sequence)</source>
        <translation>Fashion-MNIST を1行ずつ（系列）</translation>
    </message>
    <message>
        <source>orange</source>
        <translation>オレンジ</translation>
    </message>
    <message>
        <source>blue</source>
        <translation>青</translation>
    </message>
    <message>
        <source>even</source>
        <translation>偶数</translation>
    </message>
    <message>
        <source>odd</source>
        <translation>奇数</translation>
    </message>
</context>
<context>
    <name>ViewExport</name>
    <message>
        <source>%1: a view is saved as a picture (.png or .svg) or as its data (.csv); the name must end in one of these.</source>
        <translation>%1: 表示は画像（.png か .svg）またはそのデータ（.csv）として保存します。ファイル名はこのどれかで終わる必要があります。</translation>
    </message>
    <message>
        <source>The view shows no data yet, so there is nothing to save as CSV. Press Step or Play first.</source>
        <translation>この表示にはまだデータがないので、CSV で保存するものがありません。先に「1ステップ」か「再生」を押してください。</translation>
    </message>
    <message>
        <source>The picture of %1 could not be drawn.</source>
        <translation>%1 の画像を描けませんでした。</translation>
    </message>
    <message>
        <source>%1 could not be written.

%2</source>
        <translation>%1 に書き込めませんでした。

%2</translation>
    </message>
</context>
<context>
    <name>koto::gui::AugmentationPanel</name>
    <message>
        <source>Data augmentation</source>
        <translation>データ拡張</translation>
    </message>
    <message>
        <source>More data from the data you have: each time a training image is used it is changed a little at random, so the network must learn what stays the same. Test images are never changed.</source>
        <translation>手持ちのデータからデータを増やします。訓練画像は使われるたびにランダムに少しずつ変えられるので、ネットワークは変わらないものを学ばなければなりません。テスト画像は変えません。</translation>
    </message>
    <message>
        <source>For image data only.</source>
        <translation>画像データのときだけ使えます。</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>平行移動</translation>
    </message>
    <message>
        <source> px</source>
        <translation> ピクセル</translation>
    </message>
    <message>
        <source>Move each image by up to this many pixels left or right and up or down</source>
        <translation>各画像を左右・上下に最大この画素数だけずらします</translation>
    </message>
    <message>
        <source>Rotation</source>
        <translation>回転</translation>
    </message>
    <message>
        <source>Turn each image by up to this many degrees either way</source>
        <translation>各画像を左右どちらかに最大この角度だけ回します</translation>
    </message>
    <message>
        <source>Mirror left-right</source>
        <translation>左右反転</translation>
    </message>
    <message>
        <source>Mirror half of the images: a mirrored shirt is still a shirt</source>
        <translation>半分の画像を左右反転します。反転したシャツもシャツです</translation>
    </message>
    <message>
        <source>Not for this data: a mirrored image may belong to another class (a mirrored 2 is no 2)</source>
        <translation>このデータには使えません。反転した画像は別のクラスになることがあります（反転した 2 は 2 ではありません）</translation>
    </message>
    <message>
        <source>Brightness</source>
        <translation>明るさ</translation>
    </message>
    <message>
        <source>Add or take away up to this much from every pixel (pixels run from 0 to 1)</source>
        <translation>すべての画素に最大この値を足すか引きます（画素は 0 から 1）</translation>
    </message>
    <message>
        <source>Contrast</source>
        <translation>コントラスト</translation>
    </message>
    <message>
        <source>Multiply the contrast by a factor between 1 − C and 1 + C</source>
        <translation>コントラストを 1 − C から 1 + C の間の倍率で変えます</translation>
    </message>
</context>
<context>
    <name>koto::gui::ClassroomMenu</name>
    <message>
        <source>&amp;Classroom</source>
        <translation>教室(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Projector mode</source>
        <translation>プロジェクター表示(&amp;P)</translation>
    </message>
    <message>
        <source>Large text, thick lines and high contrast, full screen: for a class watching on a projector</source>
        <translation>大きな文字、太い線、高いコントラストで全画面に: プロジェクターで見るクラスのために</translation>
    </message>
    <message>
        <source>&amp;Full screen</source>
        <translation>全画面(&amp;F)</translation>
    </message>
    <message>
        <source>Colour-&amp;blind-safe colours</source>
        <translation>色覚の違いに配慮した配色(&amp;B)</translation>
    </message>
    <message>
        <source>Colours that stay apart for people who see red and green alike; compared curves also differ by their dashes</source>
        <translation>赤と緑が同じように見える人にも見分けられる色。比べる曲線は破線の形でも区別します</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>テーマ(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>ライト(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>ダーク(&amp;D)</translation>
    </message>
    <message>
        <source>As the &amp;system has it</source>
        <translation>システムの設定に従う(&amp;S)</translation>
    </message>
</context>
<context>
    <name>koto::gui::ComputeMenu</name>
    <message>
        <source>&amp;Compute</source>
        <translation>計算(&amp;C)</translation>
    </message>
    <message>
        <source>CPU (Eigen)</source>
        <translation>CPU（Eigen）</translation>
    </message>
    <message>
        <source>OpenCL: %1</source>
        <translation>OpenCL: %1</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 GiB · %4 compute units</source>
        <translation>%1 · %2 · %3 GiB · 演算ユニット %4 個</translation>
    </message>
    <message>
        <source>No OpenCL device: %1</source>
        <translation>OpenCL デバイスなし: %1</translation>
    </message>
    <message>
        <source>This computer&apos;s processor, with the threads chosen below</source>
        <translation>このコンピューターのプロセッサー（スレッド数は下で選びます）</translation>
    </message>
    <message>
        <source>CPU &amp;threads</source>
        <translation>CPU のスレッド数(&amp;T)</translation>
    </message>
    <message>
        <source>The CPU shares each step&apos;s work among its threads. The results are exactly the same, to the last bit, with any number of threads: only the speed changes.</source>
        <translation>CPU は各ステップの計算をスレッドに分けて行います。スレッド数がいくつでも結果は最後のビットまで同じで、変わるのは速さだけです。</translation>
    </message>
    <message numerus="yes">
        <source>Every core (%n)</source>
        <translation>
            <numerusform>すべてのコア（%n）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n thread(s)</source>
        <translation>
            <numerusform>%n スレッド</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>koto::gui::ConfusionMatrixView</name>
    <message>
        <source>Test data: each row a true class, each column the network&apos;s answer; right answers on the diagonal.</source>
        <translation>テストデータ: 各行が正しいクラス、各列がネットワークの答え。正解は対角線上にあります。</translation>
    </message>
    <message>
        <source>Press Step or Play: the matrix appears after the first epoch.</source>
        <translation>「1ステップ」か「再生」を押してください。最初のエポックのあとに行列が現れます。</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>正解率</translation>
    </message>
</context>
<context>
    <name>koto::gui::ControlAccessDialog</name>
    <message>
        <source>Data</source>
        <translation>データ</translation>
    </message>
    <message>
        <source>Hidden layers and the network editor</source>
        <translation>隠れ層とネットワークエディタ</translation>
    </message>
    <message>
        <source>Optimizer, momentum and decay</source>
        <translation>最適化手法、モーメンタム、減衰率</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学習率</translation>
    </message>
    <message>
        <source>Learning-rate schedule</source>
        <translation>学習率のスケジュール</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>バッチサイズ</translation>
    </message>
    <message>
        <source>L1 and L2</source>
        <translation>L1 と L2</translation>
    </message>
    <message>
        <source>Input noise</source>
        <translation>入力ノイズ</translation>
    </message>
    <message>
        <source>Validation and early stopping</source>
        <translation>検証データと早期終了</translation>
    </message>
    <message>
        <source>Gradient clipping</source>
        <translation>勾配クリッピング</translation>
    </message>
    <message>
        <source>Data augmentation</source>
        <translation>データ拡張</translation>
    </message>
    <message>
        <source>Templates menu</source>
        <translation>テンプレートメニュー</translation>
    </message>
    <message>
        <source>Compute menu</source>
        <translation>計算メニュー</translation>
    </message>
    <message>
        <source>Lock or hide controls</source>
        <translation>操作のロックと非表示</translation>
    </message>
    <message>
        <source>What the class may use. A locked control shows its value but cannot be changed; a hidden one is not shown. A lesson can lock or hide more while it is open.</source>
        <translation>クラスで使ってよい操作を選びます。ロックした操作は値が見えますが変えられません。非表示にした操作は表示されません。レッスンを開いている間は、レッスンがさらにロックや非表示を加えることがあります。</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>使える</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>ロック</translation>
    </message>
    <message>
        <source>Hidden</source>
        <translation>非表示</translation>
    </message>
    <message>
        <source>Open all</source>
        <translation>すべて使えるように</translation>
    </message>
</context>
<context>
    <name>koto::gui::DatasetPanel</name>
    <message>
        <source>Data</source>
        <translation>データ</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>点の数</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>作り直す</translation>
    </message>
    <message>
        <source>Draw new random points with the same settings</source>
        <translation>同じ設定で新しい乱数の点を作ります</translation>
    </message>
    <message>
        <source>Noise: %1 %</source>
        <translation>ノイズ: %1 %</translation>
    </message>
    <message>
        <source>Test data: %1 %</source>
        <translation>テストデータ: %1 %</translation>
    </message>
    <message>
        <source>The share of points held out to test how well the network generalises</source>
        <translation>学習に使わず、ネットワークの汎化性能を確かめるために取っておく点の割合</translation>
    </message>
    <message>
        <source>Folder with the four IDX files</source>
        <translation>4つの IDX ファイルがあるフォルダー</translation>
    </message>
    <message>
        <source>Table of numbers</source>
        <translation>数の表</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV ファイル (*.csv);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>ファイルを選ぶ…</translation>
    </message>
    <message>
        <source>Choose folder…</source>
        <translation>フォルダーを選ぶ…</translation>
    </message>
    <message>
        <source>Training images</source>
        <translation>訓練画像の数</translation>
    </message>
    <message>
        <source>Use the first this many training images (fewer train faster)</source>
        <translation>最初のこの枚数の訓練画像を使います（少ないほど速く学習します）</translation>
    </message>
    <message>
        <source>Window (time steps)</source>
        <translation>窓の長さ（タイムステップ）</translation>
    </message>
    <message>
        <source>Bits (time steps)</source>
        <translation>ビット数（タイムステップ）</translation>
    </message>
    <message>
        <source>Sequences</source>
        <translation>系列の数</translation>
    </message>
    <message>
        <source>What to learn from: points of the plane (orange and blue are the two classes), images of clothes, your own MNIST files, a table of numbers, or sequences for recurrent layers</source>
        <translation>何から学ぶか: 平面上の点（オレンジと青が2つのクラス）、衣類の画像、手持ちの MNIST ファイル、数の表、または再帰層のための系列</translation>
    </message>
    <message>
        <source>How many time steps a sequence has: a recurrent layer reads one value a step</source>
        <translation>1つの系列のタイムステップ数。再帰層は1ステップに1つの値を読みます</translation>
    </message>
    <message>
        <source>A target at every time step</source>
        <translation>すべてのタイムステップに目標値</translation>
    </message>
    <message>
        <source>Many-to-many: the question is asked at every step (the next value, the first bit, the parity so far), not only after the last; the network then needs seq:many after its recurrent layer</source>
        <translation>多対多: 最後のあとだけでなく、すべてのステップで問いを出します（次の値、最初のビット、そこまでのパリティ）。このときネットワークには、再帰層のあとに seq:many が必要です</translation>
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
        <translation>入力平面全体に対するネットワークの出力。白い縁の点は訓練データ、黒い縁の点はテストデータです。クラス分類では、濃い線がネットワークの迷うところ P = 0.5、つまり決定境界です。</translation>
    </message>
</context>
<context>
    <name>koto::gui::DescentLessonView</name>
    <message>
        <source>Part 7: J = x² + x, from x = 2</source>
        <translation>第7回: J = x² + x（x = 2 から）</translation>
    </message>
    <message>
        <source>Part 9: cost = u·u + u + 1, from u = 20</source>
        <translation>第9回: cost = u·u + u + 1（u = 20 から）</translation>
    </message>
    <message>
        <source>Steps:</source>
        <translation>ステップ数:</translation>
    </message>
    <message>
        <source>learning rate %1</source>
        <translation>学習率 %1</translation>
    </message>
    <message>
        <source>Each step multiplies the distance to the minimum %1 = %2 by %3: it creeps down one side of the valley.</source>
        <translation>1ステップごとに最小点 %1 = %2 までの距離が %3 倍になります: 谷の片側をゆっくり下りていきます。</translation>
    </message>
    <message>
        <source>The step overshoots: the distance to the minimum is multiplied by %1, so %2 bounces across the valley but still settles.</source>
        <translation>ステップが行き過ぎます: 最小点までの距離が %1 倍になるので、%2 は谷の両側を行き来しながらも、やがて落ち着きます。</translation>
    </message>
    <message>
        <source>The step is exactly twice too long: %1 bounces between two points for ever.</source>
        <translation>ステップがちょうど2倍長すぎます: %1 は2点の間をいつまでも行き来します。</translation>
    </message>
    <message>
        <source>Too large a learning rate: each step lands farther away (times %1), and %2 diverges.</source>
        <translation>学習率が大きすぎます: 1ステップごとに遠くへ着地し（%1 倍）、%2 は発散します。</translation>
    </message>
    <message numerus="yes">
        <source>After %n step(s): %1 = %2, cost %3.</source>
        <translation>
            <numerusform>%n ステップ後: %1 = %2、コスト %3。</numerusform>
        </translation>
    </message>
    <message>
        <source>cost</source>
        <translation>コスト</translation>
    </message>
</context>
<context>
    <name>koto::gui::DiagramCanvas</name>
    <message>
        <source>%1 of %2 units</source>
        <translation>%2 ユニット中 %1</translation>
    </message>
</context>
<context>
    <name>koto::gui::DraftCheck</name>
    <message>
        <source>%1 (seq:many) answers at every time step, but the data have one target per sequence: choose &quot;A target at every time step&quot; in the data, or use seq:last</source>
        <translation>%1（seq:many）はすべてのタイムステップで答えますが、データの目標値は1系列に1つです。データで「すべてのタイムステップに目標値」を選ぶか、seq:last を使ってください</translation>
    </message>
    <message>
        <source>%1 (seq:last) answers once per sequence, but the data have a target at every time step: use seq:many</source>
        <translation>%1（seq:last）は1系列に1回だけ答えますが、データにはすべてのタイムステップに目標値があります。seq:many を使ってください</translation>
    </message>
    <message>
        <source>The data have a target at every time step: put seq:many after the recurrent layer</source>
        <translation>データにはすべてのタイムステップに目標値があります。再帰層のあとに seq:many を置いてください</translation>
    </message>
    <message>
        <source>%1: this version does not know the layer type &quot;%2&quot;</source>
        <translation>%1: このバージョンは層の種類「%2」を知りません</translation>
    </message>
    <message>
        <source>Nothing is connected to the output: drag from the output port (bottom) of %1 to the output&apos;s input port</source>
        <translation>出力に何もつながっていません。%1 の出力ポート（下）から出力の入力ポートまでドラッグしてください</translation>
    </message>
    <message>
        <source>the input</source>
        <translation>入力</translation>
    </message>
    <message>
        <source>The network has no layers: drag a layer from the palette between the input and the output</source>
        <translation>ネットワークに層がありません。パレットから層を入力と出力の間にドラッグしてください</translation>
    </message>
    <message>
        <source>The data are a regression task: the output needs the loss mean squared error</source>
        <translation>このデータは回帰の問題です。出力の損失は平均二乗誤差にしてください</translation>
    </message>
    <message>
        <source>The data have %1 classes, so the last layer needs %1 units (softmax gives one probability per class), but %2 gives %3</source>
        <translation>データには %1 個のクラスがあるので、最後の層には %1 個のユニットが必要です（ソフトマックスはクラスごとに1つの確率を出します）。しかし %2 の出力は %3 です</translation>
    </message>
    <message>
        <source>%1 is not connected to the input: the network is one chain from the input to the output, so connect it (or delete it)</source>
        <translation>%1 が入力につながっていません。ネットワークは入力から出力までの1本の鎖なので、つなぐか削除してください</translation>
    </message>
    <message numerus="yes">
        <source>The output must give %n value(s) per sample, but %1 gives %2</source>
        <translation>
            <numerusform>出力はサンプルごとに %n 個の値を出す必要がありますが、%1 の出力は %2 です</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>koto::gui::DropoutNoiseView</name>
    <message>
        <source>Dropout and noise act only while training: take a step, or play, to see what they do to each mini-batch.</source>
        <translation>ドロップアウトとノイズは学習中にだけ働きます。1 ステップ進めるか再生すると、各ミニバッチに何をするかが見られます。</translation>
    </message>
    <message>
        <source>The first samples of the mini-batch of step %1, as the layers changed them (rows: samples; columns: units or values). Each step draws anew.</source>
        <translation>ステップ %1 のミニバッチの最初のサンプルを、層が変えたとおりに示します（行: サンプル、列: ユニットまたは値）。ステップごとに新しく引き直されます。</translation>
    </message>
    <message>
        <source>%1, keep p = %2: X above, Z below</source>
        <translation>%1、残す確率 p = %2: 上が X、下が Z</translation>
    </message>
    <message>
        <source>%1, σ = %2: X above, Z = X + noise below</source>
        <translation>%1、σ = %2: 上が X、下が Z = X + ノイズ</translation>
    </message>
    <message>
        <source>%1 (p = %2): %3 of %4 dropped</source>
        <translation>%1（p = %2）: %4 個中 %3 個を落とした</translation>
    </message>
    <message>
        <source>mask M</source>
        <translation>マスク M</translation>
    </message>
    <message>
        <source>%1, σ = %2: X and Z = X + noise</source>
        <translation>%1、σ = %2: X と Z = X + ノイズ</translation>
    </message>
    <message>
        <source>X</source>
        <translation>X</translation>
    </message>
    <message>
        <source>Z = X + noise</source>
        <translation>Z = X + ノイズ</translation>
    </message>
</context>
<context>
    <name>koto::gui::EditorListBridge</name>
    <message>
        <source>Change the layer list</source>
        <translation>層の一覧を変更</translation>
    </message>
    <message>
        <source>This network has layers or an output the list cannot show: edit it in the network editor</source>
        <translation>このネットワークには一覧では表示できない層か出力があります。ネットワークエディタで編集してください</translation>
    </message>
</context>
<context>
    <name>koto::gui::ExperimentsWindow</name>
    <message>
        <source>Experiments — Kotohajime</source>
        <translation>実験 — Kotohajime</translation>
    </message>
    <message>
        <source>Optimizer race</source>
        <translation>最適化手法の競争</translation>
    </message>
    <message>
        <source>Hyperparameter sweep</source>
        <translation>ハイパーパラメータの掃引</translation>
    </message>
</context>
<context>
    <name>koto::gui::FeatureMapView</name>
    <message>
        <source>Class: %1</source>
        <translation>クラス: %1</translation>
    </message>
    <message>
        <source>Input X (test image %1)</source>
        <translation>入力 X（テスト画像 %1）</translation>
    </message>
    <message>
        <source>Each tile is one channel, its values as colours (the scale under its title). A filter&apos;s map is bright where the image has that filter&apos;s pattern: Z = s(W ∗ X + b). Pooling keeps the strongest answer of each window.</source>
        <translation>各タイルは1つのチャンネルで、値を色で表します（目盛りはタイトルの下）。フィルタのマップは、画像にそのフィルタの模様があるところで明るくなります: Z = s(W ∗ X + b)。プーリングは各窓でいちばん強い反応を残します。</translation>
    </message>
    <message>
        <source>The maps appear once the training thread has computed them for this image (also while training is paused).</source>
        <translation>マップは、学習スレッドがこの画像について計算すると表示されます（学習の一時停止中も計算します）。</translation>
    </message>
    <message>
        <source>Filters W of %1: %2 of %3 × %3</source>
        <translation>%1 のフィルタ W: %3 × %3 が %2 個</translation>
    </message>
    <message>
        <source>convolution</source>
        <translation>畳み込み</translation>
    </message>
    <message>
        <source>max pooling</source>
        <translation>最大プーリング</translation>
    </message>
    <message>
        <source>average pooling</source>
        <translation>平均プーリング</translation>
    </message>
    <message>
        <source>Test image</source>
        <translation>テスト画像</translation>
    </message>
    <message>
        <source>Which test image to follow through the network</source>
        <translation>ネットワークの中をたどるテスト画像</translation>
    </message>
    <message numerus="yes">
        <source>Filters W of %1: %2 filters × %n channel(s) of %3 × %3</source>
        <translation>
            <numerusform>%1 のフィルタ W: %2 個のフィルタ × %n チャンネル、各 %3 × %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%2): Z, %n channel(s) of %3 × %4</source>
        <translation>
            <numerusform>%1（%2）: Z、%3 × %4 の %n チャンネル</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>koto::gui::FormulaPanel</name>
    <message>
        <source>Right: %1 is within %2 of %3.</source>
        <translation>正解: %1 は %3 との差が %2 以内です。</translation>
    </message>
    <message>
        <source>Not quite: the value is %1 (answers within %2 of it count). The working: %3</source>
        <translation>惜しい: 正しい値は %1 です（差が %2 以内なら正解）。計算: %3</translation>
    </message>
    <message>
        <source>Numerical check of dJ/d%1, in double precision with h = %2:
(J(w + h) − J(w − h)) / 2h = (%3 − %4) / %5 = %6
Backward pass: %7 (float32, as training computed it), %8 in double. Relative error: %9</source>
        <translation>数値微分による確認（dJ/d%1、倍精度、h = %2）:
(J(w + h) − J(w − h)) / 2h = (%3 − %4) / %5 = %6
逆伝播: %7（float32、学習で計算した値）、倍精度では %8。相対誤差: %9</translation>
    </message>
    <message>
        <source>Tensor:</source>
        <translation>テンソル:</translation>
    </message>
    <message>
        <source>Your value for the element marked “?”:</source>
        <translation>「?」の要素の値:</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>答え合わせ</translation>
    </message>
    <message>
        <source>Time step t:</source>
        <translation>タイムステップ t:</translation>
    </message>
</context>
<context>
    <name>koto::gui::GradientThroughTimeView</name>
    <message>
        <source>‖dJ/dh(t)‖, step %1</source>
        <translation>‖dJ/dh(t)‖、ステップ %1</translation>
    </message>
    <message>
        <source>‖dJ/dc(t)‖, step %1</source>
        <translation>‖dJ/dc(t)‖、ステップ %1</translation>
    </message>
    <message>
        <source>‖dJ/dh(t)‖, step 1 (initial weights)</source>
        <translation>‖dJ/dh(t)‖、ステップ 1（初期重み）</translation>
    </message>
    <message>
        <source>‖dJ/dc(t)‖, step 1 (initial weights)</source>
        <translation>‖dJ/dc(t)‖、ステップ 1（初期重み）</translation>
    </message>
    <message>
        <source>mean forget gate f(t) (right axis)</source>
        <translation>忘却ゲート f(t) の平均（右軸）</translation>
    </message>
    <message>
        <source>time step t</source>
        <translation>タイムステップ t</translation>
    </message>
    <message>
        <source>gradient norm (log scale)</source>
        <translation>勾配のノルム（対数目盛り）</translation>
    </message>
    <message>
        <source>forget gate f</source>
        <translation>忘却ゲート f</translation>
    </message>
    <message>
        <source>&lt;b&gt;Gradient through time&lt;/b&gt;</source>
        <translation>&lt;b&gt;時間をさかのぼる勾配&lt;/b&gt;</translation>
    </message>
    <message>
        <source>How much of the gradient reaches each time step appears after the first training step (press Step): the recurrent layer measures it in that step&apos;s own backward pass.</source>
        <translation>勾配が各タイムステップにどれだけ届くかは、最初の学習ステップのあとに表示されます（「1ステップ」を押してください）。再帰層がそのステップ自身の逆伝播で測ります。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Gradient through time&lt;/b&gt; of %1, measured in the backward pass of training step %2 (its mini-batch)</source>
        <translation>%1 の&lt;b&gt;時間をさかのぼる勾配&lt;/b&gt;。学習ステップ %2 の逆伝播（そのミニバッチ）で測ったもの</translation>
    </message>
    <message>
        <source>Backpropagation through time goes from the last step t = T back to t = 1. The cell passes its gradient back multiplied only by the forget gate, dJ/dc(t−1) gets f(t) · dJ/dc(t), with no squashing in between: the nearer f stays to 1 (green, right axis), the less the gradient shrinks each step and the further back the first inputs can still teach the weights. A SimpleRNN has no such path. The forget gate&apos;s bias starts at 1 (f ≈ 0.73); as training goes on, watch whether it opens wider where the task needs memory. Faint lines: the first step, at the initial weights.</source>
        <translation>時間方向の誤差逆伝播は、最後のステップ t = T から t = 1 へとさかのぼります。セルは勾配を忘却ゲートだけを掛けて戻します。dJ/dc(t−1) は f(t) · dJ/dc(t) を受け取り、途中で押しつぶされることはありません。f が 1 に近いほど（緑、右軸）勾配は1ステップごとに縮みにくくなり、ずっと前の最初の入力からでも重みを学習させられます。SimpleRNN にはこのような経路がありません。忘却ゲートのバイアスは 1 から始まります（f ≈ 0.73）。学習が進むにつれ、記憶が必要な問題でゲートがさらに開くかどうか見てみましょう。薄い線: 最初のステップ（初期重み）。</translation>
    </message>
    <message>
        <source>Backpropagation through time goes from the last step t = T back to t = 1, and every step multiplies the gradient by s′(a(t)) (at most 1 for tanh) and by Whᵀ: dJ/dh(t−1) gets (dJ/dh(t) ⊙ s′(a(t))) Whᵀ. Where these factors are below 1, ‖dJ/dh(t)‖ shrinks by about the same factor every step, a straight fall on this log scale toward t = 1: the vanishing gradient. The first inputs then hardly change the weights, so what they carry is not learned. How fast it falls depends on Wh: compare the initialisations (uniform, Xavier, orthogonal) in the layer list, and an LSTM. Gradient clipping (training panel) tames the opposite, an exploding gradient. Faint line: the first step, at the initial weights.</source>
        <translation>時間方向の誤差逆伝播は、最後のステップ t = T から t = 1 へとさかのぼり、1ステップごとに勾配に s′(a(t))（tanh では最大 1）と Whᵀ を掛けます: dJ/dh(t−1) は (dJ/dh(t) ⊙ s′(a(t))) Whᵀ を受け取ります。これらの倍率が 1 より小さいと、‖dJ/dh(t)‖ は1ステップごとにほぼ同じ割合で縮み、この対数目盛りでは t = 1 に向かってまっすぐ下がります。これが勾配消失です。すると最初のほうの入力は重みをほとんど変えず、それが運ぶ情報は学習されません。下がる速さは Wh によります。層の一覧で初期化（一様、Xavier、直交）を比べたり、LSTM と比べたりしてみましょう。逆の現象である勾配爆発は、勾配クリッピング（学習パネル）で抑えられます。薄い線: 最初のステップ（初期重み）。</translation>
    </message>
</context>
<context>
    <name>koto::gui::ImageGalleryView</name>
    <message>
        <source>Test images and the network&apos;s answers</source>
        <translation>テスト画像とネットワークの答え</translation>
    </message>
    <message>
        <source>Training images, augmented</source>
        <translation>訓練画像（データ拡張）</translation>
    </message>
    <message>
        <source>%1 %2 %</source>
        <translation>%1 %2 %</translation>
    </message>
    <message>
        <source>Under each image its class; press Step or Play to see the network&apos;s answers.</source>
        <translation>各画像の下にそのクラス。「1ステップ」か「再生」を押すとネットワークの答えが出ます。</translation>
    </message>
    <message>
        <source>Under each image its class and the network&apos;s answer with its probability: green when right, red when wrong.</source>
        <translation>各画像の下にそのクラスと、ネットワークの答えとその確率。正しければ緑、間違いなら赤。</translation>
    </message>
    <message>
        <source>Each row: a training image (framed), then copies changed as training changes it. The class stays the same.</source>
        <translation>各行: 訓練画像（枠付き）と、学習のときと同じように変えたコピー。クラスは変わりません。</translation>
    </message>
    <message>
        <source>No augmentation chosen: set shift, rotation, mirror, brightness or contrast under Data augmentation.</source>
        <translation>データ拡張が選ばれていません。「データ拡張」で平行移動・回転・反転・明るさ・コントラストを設定してください。</translation>
    </message>
</context>
<context>
    <name>koto::gui::InspectorWindow</name>
    <message>
        <source>Stage %1 of %2</source>
        <translation>段階 %1 / %2</translation>
    </message>
    <message>
        <source>Step through backpropagation</source>
        <translation>誤差逆伝播をステップ実行</translation>
    </message>
    <message>
        <source>The next mini-batch</source>
        <translation>次のミニバッチ</translation>
    </message>
    <message>
        <source>One training sample:</source>
        <translation>訓練サンプル1つ:</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>次のステップ</translation>
    </message>
    <message>
        <source>Take a step</source>
        <translation>1ステップ実行</translation>
    </message>
    <message>
        <source>Pause training and make one real training step, recorded stage by stage</source>
        <translation>学習を一時停止し、実際の学習を1ステップ、段階ごとに記録しながら行います</translation>
    </message>
    <message>
        <source>Step back</source>
        <translation>1つ戻る</translation>
    </message>
    <message>
        <source>Step forward</source>
        <translation>1つ進む</translation>
    </message>
    <message>
        <source>To the end of the step</source>
        <translation>ステップの最後まで</translation>
    </message>
    <message>
        <source>By hand</source>
        <translation>手計算</translation>
    </message>
    <message>
        <source>Work out each value yourself before it is shown</source>
        <translation>表示される前に、それぞれの値を自分で計算します</translation>
    </message>
    <message>
        <source>Formulas</source>
        <translation>数式</translation>
    </message>
    <message>
        <source>1-D lessons: J = x² + x, u·u + u + 1</source>
        <translation>1次元の練習: J = x² + x、u·u + u + 1</translation>
    </message>
    <message>
        <source>Waiting for the training thread to make the step…</source>
        <translation>学習スレッドがステップを実行するのを待っています…</translation>
    </message>
    <message>
        <source>on training sample %1</source>
        <translation>訓練サンプル %1 で</translation>
    </message>
    <message numerus="yes">
        <source>on a mini-batch of %n sample(s)</source>
        <translation>
            <numerusform>%n サンプルのミニバッチで</numerusform>
        </translation>
    </message>
    <message>
        <source>Training step %1, %2. The values are those training used (float32); the weights have been updated.</source>
        <translation>学習ステップ %1（%2）。値は学習で実際に使われたもの（float32）です。重みはすでに更新されています。</translation>
    </message>
    <message>
        <source>Take a step to record one training step of the network, then walk through it.</source>
        <translation>「1ステップ実行」でネットワークの学習を1ステップ記録し、順にたどってみましょう。</translation>
    </message>
</context>
<context>
    <name>koto::gui::LayerCatalog</name>
    <message>
        <source>Inputs and data</source>
        <translation>入力とデータ</translation>
    </message>
    <message>
        <source>Dense and activations</source>
        <translation>全結合と活性化関数</translation>
    </message>
    <message>
        <source>Regularisation</source>
        <translation>正則化</translation>
    </message>
    <message>
        <source>Convolution and pooling</source>
        <translation>畳み込みとプーリング</translation>
    </message>
    <message>
        <source>Recurrent</source>
        <translation>再帰型</translation>
    </message>
    <message>
        <source>Outputs and losses</source>
        <translation>出力と損失</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>モデル</translation>
    </message>
    <message>
        <source>Dense</source>
        <translation>全結合</translation>
    </message>
    <message>
        <source>Dropout</source>
        <translation>ドロップアウト</translation>
    </message>
    <message>
        <source>Gaussian noise</source>
        <translation>ガウスノイズ</translation>
    </message>
    <message>
        <source>Convolution</source>
        <translation>畳み込み</translation>
    </message>
    <message>
        <source>Max pooling</source>
        <translation>最大プーリング</translation>
    </message>
    <message>
        <source>Average pooling</source>
        <translation>平均プーリング</translation>
    </message>
    <message>
        <source>Flatten</source>
        <translation>平坦化</translation>
    </message>
    <message>
        <source>Tied decoder</source>
        <translation>重み共有デコーダ</translation>
    </message>
    <message>
        <source>Simple RNN</source>
        <translation>単純 RNN</translation>
    </message>
    <message>
        <source>LSTM</source>
        <translation>LSTM</translation>
    </message>
    <message>
        <source>Last time step</source>
        <translation>最後のタイムステップ</translation>
    </message>
    <message>
        <source>Every time step</source>
        <translation>全タイムステップ</translation>
    </message>
    <message>
        <source>Softmax output</source>
        <translation>ソフトマックス出力</translation>
    </message>
    <message>
        <source>Sigmoid output</source>
        <translation>シグモイド出力</translation>
    </message>
    <message>
        <source>Linear output</source>
        <translation>線形出力</translation>
    </message>
    <message>
        <source>Fully connected: a = XW + b, Z = s(a)</source>
        <translation>全結合: a = XW + b, Z = s(a)</translation>
    </message>
    <message>
        <source>Keeps each unit with probability p while training (scaled by 1/p)</source>
        <translation>学習中、各ユニットを確率 p で残します（1/p 倍します）</translation>
    </message>
    <message>
        <source>Adds Gaussian noise N(0, σ²) while training</source>
        <translation>学習中、ガウスノイズ N(0, σ²) を加えます</translation>
    </message>
    <message>
        <source>F filters of K x K slide over the images: a = W * X + b, Z = s(a)</source>
        <translation>K x K のフィルタ F 個が画像の上をずれていきます: a = W * X + b, Z = s(a)</translation>
    </message>
    <message>
        <source>The largest value of each K x K window</source>
        <translation>各 K x K の窓の最大値</translation>
    </message>
    <message>
        <source>The mean of each K x K window</source>
        <translation>各 K x K の窓の平均</translation>
    </message>
    <message>
        <source>C x H x W images become vectors of C·H·W values, for dense layers</source>
        <translation>C x H x W の画像を、全結合層のために C·H·W 個の値のベクトルにします</translation>
    </message>
    <message>
        <source>Decoder reusing an encoder&apos;s weights: a = XWᵀ + b</source>
        <translation>エンコーダの重みを使い回すデコーダ: a = XWᵀ + b</translation>
    </message>
    <message>
        <source>Reads a sequence step by step: h(t) = s(x(t)Wx + h(t-1)Wh + b)</source>
        <translation>系列を1ステップずつ読みます: h(t) = s(x(t)Wx + h(t-1)Wh + b)</translation>
    </message>
    <message>
        <source>Input, forget and output gates guard a cell state c(t); h(t) = o·tanh(c(t))</source>
        <translation>入力・忘却・出力ゲートがセル状態 c(t) を守ります。h(t) = o·tanh(c(t))</translation>
    </message>
    <message>
        <source>Many-to-one: only the last step&apos;s h(T) goes on</source>
        <translation>多対一: 最後のステップの h(T) だけを先へ渡します</translation>
    </message>
    <message>
        <source>Many-to-many: every step goes on, one target per step</source>
        <translation>多対多: すべてのステップを先へ渡し、ステップごとに目標値が1つ</translation>
    </message>
    <message>
        <source>One probability per class, Y = softmax(ZV + c), trained with cross-entropy</source>
        <translation>クラスごとに1つの確率、Y = softmax(ZV + c)、交差エントロピーで学習</translation>
    </message>
    <message>
        <source>One probability for two classes, y = s(ZV + c), trained with binary cross-entropy</source>
        <translation>2クラスに1つの確率、y = s(ZV + c)、2値交差エントロピーで学習</translation>
    </message>
    <message>
        <source>Numbers for regression, y = ZV + c, trained with squared error</source>
        <translation>回帰の数値、y = ZV + c、二乗誤差で学習</translation>
    </message>
    <message>
        <source>%1x%1 windows</source>
        <translation>%1x%1 の窓</translation>
    </message>
    <message>
        <source>keep p = %1</source>
        <translation>残す確率 p = %1</translation>
    </message>
    <message>
        <source>σ = %1</source>
        <translation>σ = %1</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>ユニット数</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>活性化関数</translation>
    </message>
    <message>
        <source>Keep probability p</source>
        <translation>残す確率 p</translation>
    </message>
    <message>
        <source>Noise σ</source>
        <translation>ノイズ σ</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>フィルタ数</translation>
    </message>
    <message>
        <source>Kernel size</source>
        <translation>カーネルサイズ</translation>
    </message>
    <message>
        <source>Stride</source>
        <translation>ストライド</translation>
    </message>
    <message>
        <source>Padding</source>
        <translation>パディング</translation>
    </message>
    <message>
        <source>Tied to</source>
        <translation>重みの共有元</translation>
    </message>
    <message>
        <source>Initial weights</source>
        <translation>初期重み</translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s), %1</source>
        <translation>
            <numerusform>%n ユニット、%1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s)</source>
        <translation>
            <numerusform>%n ユニット</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n filter(s) %1x%1, stride %2, pad %3, %4</source>
        <translation>
            <numerusform>フィルタ %n 個 %1x%1、ストライド %2、パディング %3、%4</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n filter(s) %1x%1, %2</source>
        <translation>
            <numerusform>フィルタ %n 個 %1x%1、%2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>koto::gui::LayerListEditor</name>
    <message>
        <source>Hidden layers</source>
        <translation>隠れ層</translation>
    </message>
    <message>
        <source>Add layer</source>
        <translation>層を追加</translation>
    </message>
    <message>
        <source>Layer %1</source>
        <translation>第%1層</translation>
    </message>
    <message>
        <source> units</source>
        <translation> ユニット</translation>
    </message>
    <message>
        <source>Number of units (neurons) in this layer</source>
        <translation>この層のユニット（ニューロン）の数</translation>
    </message>
    <message>
        <source>The nonlinearity s in Z = s(XW + b)</source>
        <translation>Z = s(XW + b) の非線形関数 s</translation>
    </message>
    <message>
        <source>Remove this layer</source>
        <translation>この層を削除</translation>
    </message>
    <message>
        <source>p </source>
        <translation>p </translation>
    </message>
    <message>
        <source>Dropout: while training, each unit of this layer is kept with probability p (0.5 is usual for hidden layers; 1 is no dropout)</source>
        <translation>ドロップアウト: 学習中、この層の各ユニットを確率 p で残します（隠れ層では 0.5 がふつう、1 ならドロップアウトなし）</translation>
    </message>
    <message>
        <source>How the recurrent weights Wx and Wh start (U units). It decides how fast the gradient fades as it travels back through time: see the Gradient through time tab</source>
        <translation>再帰の重み Wx と Wh の初期値の決め方（U はユニット数）。勾配が時間をさかのぼるにつれてどれだけ速く弱まるかが、これで決まります。「時間をさかのぼる勾配」タブを見てください</translation>
    </message>
    <message>
        <source>Uniform</source>
        <translation>一様</translation>
    </message>
    <message>
        <source>Xavier</source>
        <translation>Xavier</translation>
    </message>
    <message>
        <source>Orthogonal</source>
        <translation>直交</translation>
    </message>
    <message>
        <source>Every weight of Wx and Wh uniform within ±1/√U (PyTorch&apos;s default)</source>
        <translation>Wx と Wh のすべての重みを ±1/√U の範囲の一様分布から（PyTorch の既定）</translation>
    </message>
    <message>
        <source>Each gate&apos;s block uniform within ±√(6 / (fan-in + U)), the fan-in D for Wx and U for Wh</source>
        <translation>各ゲートのブロックを ±√(6 / (fan-in + U)) の範囲の一様分布から。fan-in は Wx では D、Wh では U</translation>
    </message>
    <message>
        <source>Wx as Xavier; each U × U block of Wh a random orthogonal matrix: all its singular values are 1, so h(t−1) Wh, and the gradient going back through Whᵀ, neither shrinks nor grows by itself</source>
        <translation>Wx は Xavier と同じ。Wh の各 U × U ブロックはランダムな直交行列です。特異値がすべて 1 なので、h(t−1) Wh も、Whᵀ を通って戻る勾配も、それだけで縮んだり大きくなったりしません</translation>
    </message>
    <message>
        <source>This layer is shown as written on the command line (kotohajime-cli train --help explains it); it can be removed here, and edited in the network editor</source>
        <translation>この層はコマンドラインでの書き方で表示しています（説明は kotohajime-cli train --help）。ここでは削除でき、ネットワークエディタで編集できます</translation>
    </message>
</context>
<context>
    <name>koto::gui::LayerPalette</name>
    <message>
        <source>Search layers</source>
        <translation>層を検索</translation>
    </message>
    <message>
        <source>Drag a layer onto the canvas, or double-click it to add it at the end.</source>
        <translation>層をキャンバスへドラッグするか、ダブルクリックして最後に追加します。</translation>
    </message>
</context>
<context>
    <name>koto::gui::LessonPanel</name>
    <message>
        <source>Part %1 · %2
%3 of %4 tasks done</source>
        <translation>第 %1 回 · %2
課題 %4 個中 %3 個 完了</translation>
    </message>
    <message>
        <source>Part %1 · %2</source>
        <translation>第 %1 回 · %2</translation>
    </message>
    <message>
        <source>Every task is done. In short: %1</source>
        <translation>すべての課題を達成しました。まとめ: %1</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>レッスン</translation>
    </message>
    <message>
        <source>Open lesson</source>
        <translation>レッスンを開く</translation>
    </message>
    <message>
        <source>All lessons</source>
        <translation>レッスン一覧</translation>
    </message>
    <message>
        <source>Reset this lesson&apos;s preset</source>
        <translation>このレッスンの初期設定に戻す</translation>
    </message>
    <message>
        <source>Open the lesson&apos;s data, network and settings again, untrained</source>
        <translation>レッスンのデータ、ネットワーク、設定を学習前の状態で開き直します</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>課題</translation>
    </message>
    <message numerus="yes">
        <source>Left out, as they could not be read: %n lesson(s). The first: %1</source>
        <translation>
            <numerusform>読み込めなかったため、一覧から外したレッスン: %n 個。最初のもの: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>koto::gui::LossCurveView</name>
    <message>
        <source>Training loss</source>
        <translation>訓練損失</translation>
    </message>
    <message>
        <source>Test loss</source>
        <translation>テスト損失</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>エポック</translation>
    </message>
    <message>
        <source>Loss (cost J per sample)</source>
        <translation>損失（1サンプルあたりのコスト J）</translation>
    </message>
    <message>
        <source>Validation loss</source>
        <translation>検証損失</translation>
    </message>
    <message>
        <source>Before training:</source>
        <translation>学習前:</translation>
    </message>
    <message>
        <source>After epoch %1:</source>
        <translation>エポック %1 のあと:</translation>
    </message>
    <message>
        <source>training loss %1 · test loss %2 · test RMSE %3</source>
        <translation>訓練損失 %1 · テスト損失 %2 · テスト RMSE %3</translation>
    </message>
    <message>
        <source>training loss %1 · test loss %2 · test accuracy %3 %</source>
        <translation>訓練損失 %1 · テスト損失 %2 · テスト正解率 %3 %</translation>
    </message>
    <message>
        <source>Recent mini-batches: loss %1 (their mean, updated every step)</source>
        <translation>最近のミニバッチ: 損失 %1（その平均、ステップごとに更新）</translation>
    </message>
    <message>
        <source>%1: test loss</source>
        <translation>%1: テスト損失</translation>
    </message>
</context>
<context>
    <name>koto::gui::MainWindow</name>
    <message>
        <source>About Kotohajime</source>
        <translation>Kotohajime について</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Kotohajime %1&lt;/h3&gt;&lt;p&gt;Learn deep learning by watching it happen: every number the network computes, on your own data.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Kotohajime %1&lt;/h3&gt;&lt;p&gt;ディープラーニングを、起きていることを見ながら学ぶ。ネットワークが計算するすべての数を、自分のデータで。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>These settings cannot be used: %1</source>
        <translation>この設定は使えません: %1</translation>
    </message>
    <message>
        <source>Training could not start: %1</source>
        <translation>学習を始められませんでした: %1</translation>
    </message>
    <message>
        <source>the loss</source>
        <translation>損失</translation>
    </message>
    <message>
        <source>the input data</source>
        <translation>入力データ</translation>
    </message>
    <message>
        <source>Training diverged at step %1: NaN or infinity appeared in %2. The weights of the last finite step are kept. Lower the learning rate and press Reset.</source>
        <translation>ステップ %1 で学習が発散しました: %2 に NaN または無限大が現れました。最後に有限だったステップの重みを残しています。学習率を下げて「リセット」を押してください。</translation>
    </message>
    <message>
        <source>Epoch %1 · step %2</source>
        <translation>エポック %1 · ステップ %2</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>一時停止</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>再生</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>言語(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Kotohajime</source>
        <translation>Kotohajime について(&amp;A)</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>リセット</translation>
    </message>
    <message>
        <source>Back to the same initial weights (same seed)</source>
        <translation>同じ初期重み（同じシード）に戻します</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>1ステップ</translation>
    </message>
    <message>
        <source>One gradient-descent step on one mini-batch</source>
        <translation>1つのミニバッチで勾配降下を1ステップ</translation>
    </message>
    <message numerus="yes">
        <source>Output layer: %n unit(s), %1, trained with %2</source>
        <translation>
            <numerusform>出力層: %n ユニット、%1、%2 で学習</numerusform>
        </translation>
    </message>
    <message>
        <source>The background is the network&apos;s output y for every point of the plane: orange near −1, blue near +1, pale near 0; the points are coloured by their target value.</source>
        <translation>背景は平面上のすべての点に対するネットワークの出力 y です。−1 に近いところはオレンジ、+1 に近いところは青、0 に近いところは薄い色です。点は目標値の色で塗られています。</translation>
    </message>
    <message>
        <source>The background is the network&apos;s answer for every point of the plane: orange for one class, blue for the other, pale where it is unsure.</source>
        <translation>背景は平面上のすべての点に対するネットワークの答えです。オレンジは一方のクラス、青はもう一方、色が薄いところは自信がないところです。</translation>
    </message>
    <message>
        <source>&lt;b&gt;What you see&lt;/b&gt;&lt;br&gt;%1 Each step computes the cost J on a mini-batch, sends its gradient back through the layers (backpropagation) and moves every weight: w = w − learning_rate · dJ/dw. When the test loss rises while the training loss falls, the network is memorising (overfitting).</source>
        <translation>&lt;b&gt;見えているもの&lt;/b&gt;&lt;br&gt;%1各ステップでミニバッチのコスト J を計算し、その勾配を層から層へ逆向きに伝え（誤差逆伝播）、すべての重みを動かします: w = w − learning_rate · dJ/dw。訓練損失が下がるのにテスト損失が上がるときは、ネットワークがデータを丸暗記しています（過学習）。</translation>
    </message>
    <message>
        <source>Pause training</source>
        <translation>学習を一時停止</translation>
    </message>
    <message>
        <source>Train continuously</source>
        <translation>続けて学習</translation>
    </message>
    <message>
        <source>Step one epoch</source>
        <translation>1エポック進める</translation>
    </message>
    <message>
        <source>Train to the end of the current epoch, then pause</source>
        <translation>今のエポックの終わりまで学習して一時停止</translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation>学習(&amp;T)</translation>
    </message>
    <message>
        <source>Early stopping: the validation loss has not improved since epoch %1, so training stopped and the weights of epoch %1 are back. Press Reset to train again.</source>
        <translation>早期終了: 検証損失がエポック %1 から改善しなかったので学習を止め、エポック %1 の重みに戻しました。もう一度学習するには「リセット」を押してください。</translation>
    </message>
    <message>
        <source>The data cannot be used</source>
        <translation>このデータは使えません</translation>
    </message>
    <message>
        <source>This data could not be loaded:

%1

The data you had before stays.</source>
        <translation>このデータを読み込めませんでした:

%1

前のデータはそのまま残っています。</translation>
    </message>
    <message>
        <source>Each image is a row of %1 numbers, its pixels from 0 (black) to 1 (white); the network&apos;s softmax output gives a probability to each of the %2 classes. Under each test image: its class and the network&apos;s answer.</source>
        <translation>各画像は %1 個の数の行で、画素は 0（黒）から 1（白）です。ネットワークのソフトマックス出力が %2 個のクラスそれぞれに確率を与えます。各テスト画像の下に、そのクラスとネットワークの答え。</translation>
    </message>
    <message>
        <source>Step through backpropagation…</source>
        <translation>誤差逆伝播をステップ実行…</translation>
    </message>
    <message>
        <source>One training step, operation by operation, with the curriculum&apos;s formulas and the real numbers</source>
        <translation>学習の1ステップを、演算ごとに、講座の数式と実際の数値で見ます</translation>
    </message>
    <message>
        <source>The OpenCL device could not be used, so training runs on the CPU: %1</source>
        <translation>OpenCL デバイスを使えなかったので、CPU で学習しています: %1</translation>
    </message>
    <message>
        <source>Each image is read row by row: its %1 rows are %1 time steps x(1) … x(%1) of %2 pixels each, which a recurrent layer reads in order. Under each test image: its class and the network&apos;s answer.</source>
        <translation>各画像は1行ずつ読みます。%1 行が、それぞれ %2 ピクセルの %1 個のタイムステップ x(1) … x(%1) になり、再帰層がこれを順に読みます。各テスト画像の下に、そのクラスとネットワークの答え。</translation>
    </message>
    <message>
        <source>Each sample is a sequence of %1 time steps, one value a step, written as one row x(1) … x(%1); a recurrent layer reads the steps in order, a dense layer sees them all at once. The curves show how well the network predicts the answer at the end of the sequence.</source>
        <translation>各サンプルは %1 タイムステップの系列で、1ステップに1つの値があり、1行 x(1) … x(%1) として書かれます。再帰層はステップを順に読み、全結合層はすべてを一度に見ます。曲線は、ネットワークが系列の最後で答えをどれだけうまく予測できるかを示します。</translation>
    </message>
    <message>
        <source>Autoencoder and RBM…</source>
        <translation>オートエンコーダと RBM…</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>元に戻す(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>元に戻す: %1(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>やり直す(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>やり直す: %1(&amp;R)</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>学習</translation>
    </message>
    <message>
        <source>Network editor</source>
        <translation>ネットワークエディタ</translation>
    </message>
    <message>
        <source>T&amp;emplates</source>
        <translation>テンプレート(&amp;E)</translation>
    </message>
    <message>
        <source>Logistic regression</source>
        <translation>ロジスティック回帰</translation>
    </message>
    <message>
        <source>One hidden layer (sigmoid, softmax)</source>
        <translation>隠れ層1つ（シグモイド、ソフトマックス）</translation>
    </message>
    <message>
        <source>Deep ReLU network</source>
        <translation>深い ReLU ネットワーク</translation>
    </message>
    <message>
        <source>LeNet-like CNN (Fashion-MNIST)</source>
        <translation>LeNet 風の CNN（Fashion-MNIST）</translation>
    </message>
    <message>
        <source>Simple RNN (remember the first bit)</source>
        <translation>単純 RNN（最初のビットを覚える）</translation>
    </message>
    <message>
        <source>LSTM classifier (images row by row)</source>
        <translation>LSTM による分類（画像を1行ずつ）</translation>
    </message>
    <message>
        <source>Autoencoder</source>
        <translation>オートエンコーダ</translation>
    </message>
    <message>
        <source>Restricted Boltzmann machine</source>
        <translation>制限付きボルツマンマシン</translation>
    </message>
    <message>
        <source>No recent projects</source>
        <translation>最近のプロジェクトはありません</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新規(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>開く(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近使ったプロジェクト(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>名前を付けて保存(&amp;A)…</translation>
    </message>
    <message>
        <source>%1[*] — Kotohajime</source>
        <translation>%1[*] — Kotohajime</translation>
    </message>
    <message>
        <source>Each sample is a sequence of %1 time steps, one value a step, written as one row x(1) … x(%1); a recurrent layer reads the steps in order, and seq:many passes on its state at every step, so the network answers at every step t. The curves show how well it does, averaged over all steps.</source>
        <translation>各サンプルは %1 タイムステップの系列で、1ステップに1つの値を持ち、1行 x(1) … x(%1) として書かれます。再帰層はステップを順に読み、seq:many は各ステップの状態を次へ渡すので、ネットワークはすべてのステップ t で答えます。曲線は、すべてのステップで平均した出来を示します。</translation>
    </message>
    <message>
        <source>Opens in the Autoencoder and RBM window: %1</source>
        <translation>オートエンコーダと RBM のウィンドウで開きます: %1</translation>
    </message>
    <message>
        <source>The template cannot be opened</source>
        <translation>テンプレートを開けません</translation>
    </message>
    <message>
        <source>The network in the main window is training: pause it first, then hand the weights over again.</source>
        <translation>メインウィンドウのネットワークは学習中です。先に一時停止してから、もう一度重みを渡してください。</translation>
    </message>
    <message>
        <source>The main window&apos;s training did not hand over its network in time.</source>
        <translation>メインウィンドウの学習が、時間内にネットワークを渡しませんでした。</translation>
    </message>
    <message>
        <source>The network in the main window cannot take them: %1</source>
        <translation>メインウィンドウのネットワークはこの重みを受け取れません: %1</translation>
    </message>
    <message>
        <source>Training diverged at step %1: the loss grew to more than %2 times its first value. The weights before that step are kept. Lower the learning rate and press Reset.</source>
        <translation>ステップ %1 で学習が発散しました: 損失が最初の値の %2 倍を超えて大きくなりました。そのステップの前の重みを残しています。学習率を下げて「リセット」を押してください。</translation>
    </message>
    <message>
        <source>Training takes about %1 of memory (this computer allows %2).</source>
        <translation>学習に使うメモリは約 %1 です（このコンピュータで使えるのは %2）。</translation>
    </message>
    <message>
        <source>Experiments: optimizer race, sweep…</source>
        <translation>実験: 最適化手法の競争、掃引…</translation>
    </message>
    <message>
        <source>Fork</source>
        <translation>分岐</translation>
    </message>
    <message>
        <source>This run has no checkpoint to go on from yet: train an epoch first.</source>
        <translation>この実行には、続きを始められるチェックポイントがまだありません。まず1エポック学習してください。</translation>
    </message>
    <message>
        <source>%1, forked from %2 at epoch %3</source>
        <translation>%1（%2 のエポック %3 から分岐）</translation>
    </message>
    <message>
        <source>Task %1 done!</source>
        <translation>課題 %1 を達成しました！</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>レッスン</translation>
    </message>
    <message>
        <source>Le&amp;ssons</source>
        <translation>レッスン(&amp;S)</translation>
    </message>
    <message>
        <source>Lesson list</source>
        <translation>レッスン一覧</translation>
    </message>
    <message>
        <source>Next task</source>
        <translation>次の課題</translation>
    </message>
    <message>
        <source>Previous task</source>
        <translation>前の課題</translation>
    </message>
    <message>
        <source>Lock or hide controls…</source>
        <translation>操作のロックと非表示…</translation>
    </message>
    <message>
        <source>The lesson cannot be opened</source>
        <translation>レッスンを開けません</translation>
    </message>
    <message>
        <source>Its preset could not be read.

%1</source>
        <translation>レッスンの初期プロジェクトを読み込めませんでした。

%1</translation>
    </message>
    <message>
        <source>One sigmoid unit y = s(XW + b): a straight boundary between two classes</source>
        <translation>シグモイドのユニット 1 つ y = s(XW + b)：2 つのクラスの間に直線の境界を引きます</translation>
    </message>
    <message>
        <source>The curriculum&apos;s network: Z = s(XW + b), Y = softmax(ZV + c); it can bend the boundary into a ring</source>
        <translation>講座のネットワーク：Z = s(XW + b)、Y = softmax(ZV + c)。境界を輪の形に曲げられます</translation>
    </message>
    <message>
        <source>Three hidden ReLU layers: enough depth to untangle the spiral</source>
        <translation>ReLU の隠れ層が 3 つ：渦巻きをほどくのに足りる深さです</translation>
    </message>
    <message>
        <source>Convolutions and pooling find local patterns in the images, dense layers classify them</source>
        <translation>畳み込みとプーリングが画像の局所的な模様を見つけ、全結合層がそれを分類します</translation>
    </message>
    <message>
        <source>h(t) = tanh(x(t)Wx + h(t-1)Wh + b) reads 8 bits one by one and must remember the first</source>
        <translation>h(t) = tanh(x(t)Wx + h(t-1)Wh + b) が 8 ビットを 1 つずつ読み、最初のビットを覚えていなければなりません</translation>
    </message>
    <message>
        <source>An LSTM reads each image row by row (28 steps of 28 pixels) and classifies it from h(T)</source>
        <translation>LSTM が各画像を 1 行ずつ（28 画素を 28 ステップ）読み、h(T) から分類します</translation>
    </message>
    <message>
        <source>Encoder 784-128-32 and mirrored decoder back to 784 pixels, trained to reconstruct its input (T = X)</source>
        <translation>エンコーダ 784-128-32 と、それを鏡に映したデコーダで 784 画素に戻し、入力を再現するよう学習します（T = X）</translation>
    </message>
    <message>
        <source>64 binary hidden units h learn the images&apos; patterns by contrastive divergence: p(h = 1 | v) = s(vW + c), p(v = 1 | h) = s(hW^T + b)</source>
        <translation>64 個の 2 値の隠れユニット h がコントラスティブ・ダイバージェンスで画像の模様を学びます：p(h = 1 | v) = s(vW + c)、p(v = 1 | h) = s(hW^T + b)</translation>
    </message>
</context>
<context>
    <name>koto::gui::ModelExportMenu</name>
    <message>
        <source>ONNX model (.onnx)</source>
        <translation>ONNX モデル (.onnx)</translation>
    </message>
    <message>
        <source>NumPy arrays (.npz)</source>
        <translation>NumPy 配列 (.npz)</translation>
    </message>
    <message>
        <source>NumPy script (.py)</source>
        <translation>NumPy スクリプト (.py)</translation>
    </message>
    <message>
        <source>PyTorch script (.py)</source>
        <translation>PyTorch スクリプト (.py)</translation>
    </message>
    <message>
        <source>Runs in ONNX Runtime, OpenCV and other tools, and opens again in Kotohajime.</source>
        <translation>ONNX Runtime や OpenCV などで動かせます。Kotohajime でも再び開けます。</translation>
    </message>
    <message>
        <source>Every weight under the curriculum&apos;s name (W, b, V, c …), for numpy.load.</source>
        <translation>すべての重みを教材と同じ名前 (W, b, V, c …) で保存します。numpy.load で読めます。</translation>
    </message>
    <message>
        <source>forward(X) written with the curriculum&apos;s formulas, to read and run; the weights go in an .npz beside it.</source>
        <translation>教材の数式どおりに書いた forward(X) です。読んで、実行できます。重みは隣の .npz に入ります。</translation>
    </message>
    <message>
        <source>The network as a torch.nn.Module with these weights, to go on training in PyTorch; the weights go in an .npz beside it.</source>
        <translation>この重みを持つ torch.nn.Module です。PyTorch で学習を続けられます。重みは隣の .npz に入ります。</translation>
    </message>
    <message>
        <source>ONNX model (*.onnx)</source>
        <translation>ONNX モデル (*.onnx)</translation>
    </message>
    <message>
        <source>NumPy arrays (*.npz)</source>
        <translation>NumPy 配列 (*.npz)</translation>
    </message>
    <message>
        <source>Python script (*.py)</source>
        <translation>Python スクリプト (*.py)</translation>
    </message>
    <message>
        <source>Export &amp;Model…</source>
        <translation>モデルを書き出す(&amp;M)…</translation>
    </message>
    <message>
        <source>The model was not exported</source>
        <translation>モデルを書き出せませんでした</translation>
    </message>
    <message>
        <source>Training did not hand over its weights in time. Pause training and export again.</source>
        <translation>学習スレッドが時間内に重みを渡しませんでした。学習を一時停止してから、もう一度書き出してください。</translation>
    </message>
    <message>
        <source>There are no trained weights yet: train the network (or take one step), then export it.</source>
        <translation>学習した重みがまだありません。ネットワークを学習させて (1 ステップでも) から書き出してください。</translation>
    </message>
    <message>
        <source>Export Model</source>
        <translation>モデルを書き出す</translation>
    </message>
    <message>
        <source>%1 could not be written.

%2</source>
        <translation>%1 に書き込めませんでした。

%2</translation>
    </message>
    <message>
        <source>The learning curves and the confusion matrix are saved as CSV with File &gt; Export View…</source>
        <translation>学習曲線と混同行列は「ファイル &gt; 表示を書き出す…」で CSV に保存できます。</translation>
    </message>
    <message>
        <source>Save the trained model to use elsewhere: ONNX, NumPy arrays, or a NumPy or PyTorch script</source>
        <translation>学習したモデルを他で使えるように保存します: ONNX、NumPy 配列、NumPy または PyTorch のスクリプト</translation>
    </message>
    <message>
        <source>Save the trained model as:</source>
        <translation>学習したモデルの保存形式:</translation>
    </message>
</context>
<context>
    <name>koto::gui::NetworkDocument</name>
    <message>
        <source>Training is running: pause it before changing the network&apos;s structure</source>
        <translation>学習中です。ネットワークの構造を変える前に一時停止してください</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>%1 を追加</translation>
    </message>
    <message>
        <source>The input and the output belong to every network and cannot be deleted</source>
        <translation>入力と出力はどのネットワークにもあるもので、削除できません</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>%1 を削除</translation>
    </message>
    <message>
        <source>the input</source>
        <translation>入力</translation>
    </message>
    <message>
        <source>the output</source>
        <translation>出力</translation>
    </message>
    <message>
        <source>The output is the end of the network: nothing comes out of it</source>
        <translation>出力はネットワークの終わりです。そこから先には何も出ていきません</translation>
    </message>
    <message>
        <source>The input is where the data come in: nothing can feed it</source>
        <translation>入力はデータが入ってくるところです。入力には何もつなげません</translation>
    </message>
    <message>
        <source>A layer cannot feed itself</source>
        <translation>層を自分自身につなぐことはできません</translation>
    </message>
    <message>
        <source>There is no such node</source>
        <translation>そのようなノードはありません</translation>
    </message>
    <message>
        <source>This link would make a loop (%1 already leads to %2): data must flow from the input to the output</source>
        <translation>このリンクはループになってしまいます（%1 からはすでに %2 へつながっています）。データは入力から出力へ流れなければなりません</translation>
    </message>
    <message>
        <source>%1 already feeds %2: in a sequential network each layer feeds exactly one layer; delete that link first (select it and press Delete)</source>
        <translation>%1 はすでに %2 につながっています。順につながるネットワークでは、各層の出力先はちょうど1つの層です。先にそのリンクを削除してください（選んで Delete キーを押します）</translation>
    </message>
    <message>
        <source>%1 already takes its input from %2: in a sequential network each layer has exactly one input; delete that link first</source>
        <translation>%1 はすでに %2 から入力を受け取っています。順につながるネットワークでは、各層の入力はちょうど1つです。先にそのリンクを削除してください</translation>
    </message>
    <message>
        <source>Connect %1 to %2</source>
        <translation>%1 を %2 につなぐ</translation>
    </message>
    <message>
        <source>That link does not exist</source>
        <translation>そのリンクはありません</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>切り離す</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>移動</translation>
    </message>
    <message>
        <source>Change %1 of %2</source>
        <translation>%2 の %1 を変更</translation>
    </message>
    <message>
        <source>Change the loss</source>
        <translation>損失を変更</translation>
    </message>
    <message>
        <source>Nothing to paste: copy some layers first</source>
        <translation>貼り付けるものがありません。先に層をコピーしてください</translation>
    </message>
    <message numerus="yes">
        <source>Paste %n layer(s)</source>
        <translation>
            <numerusform>%n 個の層を貼り付け</numerusform>
        </translation>
    </message>
    <message>
        <source>Template %1</source>
        <translation>テンプレート %1</translation>
    </message>
    <message>
        <source>Fit the output to the data</source>
        <translation>出力をデータに合わせる</translation>
    </message>
    <message>
        <source>Lay out</source>
        <translation>整列</translation>
    </message>
</context>
<context>
    <name>koto::gui::NetworkEditor</name>
    <message>
        <source>Undo</source>
        <translation>元に戻す</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>やり直す</translation>
    </message>
    <message>
        <source>Cannot train yet: %1</source>
        <translation>まだ学習できません: %1</translation>
    </message>
    <message numerus="yes">
        <source>Ready to train: %n layer(s) from %1 to %2</source>
        <translation>
            <numerusform>学習の準備ができました: %1 から %2 まで %n 個の層</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Delete the selected layers or links (Delete)</source>
        <translation>選んだ層やリンクを削除します（Delete）</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>コピー</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>貼り付け</translation>
    </message>
    <message>
        <source>Lay out</source>
        <translation>整列</translation>
    </message>
    <message>
        <source>Arrange the nodes in columns, the network from the input down (Ctrl+L)</source>
        <translation>ノードを列に並べ、ネットワークを入力から下へ配置します（Ctrl+L）</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>全体表示</translation>
    </message>
    <message>
        <source>Show the whole network (Ctrl+0)</source>
        <translation>ネットワーク全体を表示します（Ctrl+0）</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl+=, or Ctrl and the mouse wheel)</source>
        <translation>拡大（Ctrl+=、または Ctrl を押しながらマウスホイール）</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+-)</source>
        <translation>縮小（Ctrl+-）</translation>
    </message>
    <message>
        <source>Copy the selected layers (Ctrl+C)</source>
        <translation>選んだ層をコピーします（Ctrl+C）</translation>
    </message>
    <message>
        <source>Paste the copied layers (Ctrl+V)</source>
        <translation>コピーした層を貼り付けます（Ctrl+V）</translation>
    </message>
</context>
<context>
    <name>koto::gui::NetworkPlaygroundView</name>
    <message>
        <source>Inputs %1</source>
        <translation>入力 %1</translation>
    </message>
    <message>
        <source>excitatory</source>
        <translation>興奮性</translation>
    </message>
    <message>
        <source>inhibitory</source>
        <translation>抑制性</translation>
    </message>
    <message>
        <source>no effect</source>
        <translation>効果なし</translation>
    </message>
    <message>
        <source>%1 = %2: %3 (%4)</source>
        <translation>%1 = %2: %3（%4）</translation>
    </message>
    <message>
        <source>The constant 1: its links are the next layer&apos;s biases.</source>
        <translation>定数 1: ここから出る結合が次の層のバイアスです。</translation>
    </message>
    <message>
        <source>%1: its value over the plane</source>
        <translation>%1: 平面上でのその値</translation>
    </message>
    <message>
        <source>%1: its output over the plane</source>
        <translation>%1: 平面上でのその出力</translation>
    </message>
    <message>
        <source>Click a unit to see its output over the plane.</source>
        <translation>ユニットをクリックすると、平面上でのその出力が見られます。</translation>
    </message>
    <message>
        <source>Its bias %1 = %2</source>
        <translation>そのバイアス %1 = %2</translation>
    </message>
    <message>
        <source>Click a link or a unit to set its weight or bias by hand.</source>
        <translation>結合やユニットをクリックすると、その重みやバイアスを手で設定できます。</translation>
    </message>
    <message>
        <source>Showing the %1 strongest of %2 weights and biases.</source>
        <translation>重みとバイアス %2 個のうち、強い順に %1 個を表示しています。</translation>
    </message>
    <message>
        <source>set %1 to %2</source>
        <translation>%1 を %2 に設定</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>元に戻す</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>やり直す</translation>
    </message>
    <message>
        <source>Pause training to set a weight by hand.</source>
        <translation>重みを手で設定するには学習を一時停止してください。</translation>
    </message>
    <message>
        <source>Red links excite (w &amp;gt; 0), blue links inhibit (w &amp;lt; 0); the thicker, the larger &lt;span style=&quot;white-space:nowrap&quot;&gt;|w|&lt;/span&gt;. Each unit shows its output over the input plane.</source>
        <translation>赤い結合は興奮性（w &amp;gt; 0）、青い結合は抑制性（w &amp;lt; 0）で、太いほど &lt;span style=&quot;white-space:nowrap&quot;&gt;|w|&lt;/span&gt; が大きいことを表します。各ユニットには、入力平面上でのその出力が描かれています。</translation>
    </message>
</context>
<context>
    <name>koto::gui::NetworkScene</name>
    <message>
        <source>Input X</source>
        <translation>入力 X</translation>
    </message>
    <message>
        <source>one sample a row</source>
        <translation>1行に1サンプル</translation>
    </message>
    <message>
        <source>The data go in here: a mini-batch of N samples</source>
        <translation>データはここから入ります: N 個のサンプルのミニバッチ</translation>
    </message>
    <message>
        <source>Output and loss</source>
        <translation>出力と損失</translation>
    </message>
    <message>
        <source>loss: %1</source>
        <translation>損失: %1</translation>
    </message>
    <message>
        <source>The network&apos;s answer Y, compared with the targets T by the loss J</source>
        <translation>ネットワークの答え Y。損失 J で目標 T と比べます</translation>
    </message>
</context>
<context>
    <name>koto::gui::NodeProperties</name>
    <message>
        <source>Loss J</source>
        <translation>損失 J</translation>
    </message>
    <message>
        <source>Select a node to see and change its parameters</source>
        <translation>ノードを選ぶと、そのパラメータを見たり変えたりできます</translation>
    </message>
    <message>
        <source>Input X: the data, one sample a row</source>
        <translation>入力 X: データ、1行に1サンプル</translation>
    </message>
    <message>
        <source>Output Y and the loss J</source>
        <translation>出力 Y と損失 J</translation>
    </message>
    <message>
        <source>Output shape: not known yet</source>
        <translation>出力の形: まだ不明</translation>
    </message>
    <message>
        <source>Output shape: %1</source>
        <translation>出力の形: %1</translation>
    </message>
</context>
<context>
    <name>koto::gui::OutputProbabilityView</name>
    <message>
        <source>Test sample %1</source>
        <translation>テストサンプル %1</translation>
    </message>
    <message>
        <source>The output appears once the training thread has computed it for this sample (also while training is paused).</source>
        <translation>学習スレッドがこのサンプルについて計算すると出力が表示されます（学習の一時停止中も）。</translation>
    </message>
    <message>
        <source>probability P(Y = k | X)</source>
        <translation>確率 P(Y = k | X)</translation>
    </message>
    <message>
        <source>P(Y = k | X)</source>
        <translation>P(Y = k | X)</translation>
    </message>
    <message>
        <source>the target class</source>
        <translation>正しいクラス（目標）</translation>
    </message>
    <message>
        <source>Test sample %1: sigmoid output Y = P(Y = 1 | X) (target: %2)</source>
        <translation>テストサンプル %1: シグモイド出力 Y = P(Y = 1 | X)（目標: %2）</translation>
    </message>
    <message>
        <source>Test sample %1: softmax output Y (target: %2)</source>
        <translation>テストサンプル %1: ソフトマックス出力 Y（目標: %2）</translation>
    </message>
    <message>
        <source>The network answers %1 (P = %2): right.</source>
        <translation>答えは %1（P = %2）: 正解。</translation>
    </message>
    <message>
        <source>The network answers %1 (P = %2): wrong.</source>
        <translation>答えは %1（P = %2）: 不正解。</translation>
    </message>
    <message>
        <source>One sigmoid output gives P(Y = 1 | X); the other class has P(Y = 0 | X) = 1 − P(Y = 1 | X). The target class&apos;s bar is green and framed; the network answers class 1 where P(Y = 1 | X) ≥ 0.5.</source>
        <translation>シグモイド出力1つが P(Y = 1 | X) を与え、もう一方のクラスは P(Y = 0 | X) = 1 − P(Y = 1 | X) です。正しいクラスの棒は緑で枠付き。ネットワークは P(Y = 1 | X) ≥ 0.5 のときクラス1と答えます。</translation>
    </message>
    <message>
        <source>Each bar is the probability the network gives a class for this sample, the softmax output Y[k] = exp(a[k]) / Σ exp(a[j]): the bars add up to 1. The target class&apos;s bar is green and framed; the network answers the class with the highest probability.</source>
        <translation>各棒は、このサンプルに対してネットワークがそのクラスに与える確率、ソフトマックス出力 Y[k] = exp(a[k]) / Σ exp(a[j]) です。棒の合計は1になります。正しいクラスの棒は緑で枠付き。ネットワークは確率がいちばん高いクラスを答えます。</translation>
    </message>
    <message>
        <source>Y</source>
        <translation>Y</translation>
    </message>
    <message>
        <source>output %1</source>
        <translation>出力 %1</translation>
    </message>
    <message>
        <source>value</source>
        <translation>値</translation>
    </message>
    <message>
        <source>prediction Y</source>
        <translation>予測 Y</translation>
    </message>
    <message>
        <source>target T</source>
        <translation>目標 T</translation>
    </message>
    <message>
        <source>Test sample %1: prediction Y and target T</source>
        <translation>テストサンプル %1: 予測 Y と目標 T</translation>
    </message>
    <message>
        <source>Y = %1, T = %2: off by %3.</source>
        <translation>Y = %1、T = %2: 差は %3。</translation>
    </message>
    <message>
        <source>For regression the output is the prediction itself: each bar is a prediction Y, the diamond on its line the target T it should be.</source>
        <translation>回帰では出力が予測そのものです。各棒が予測 Y、同じ行のひし形がなるべき目標 T です。</translation>
    </message>
    <message>
        <source>Test sample</source>
        <translation>テストサンプル</translation>
    </message>
    <message>
        <source>Which test sample&apos;s output to show; clicking a point of the plot or an image of the gallery chooses it too</source>
        <translation>出力を表示するテストサンプル。図の点やギャラリーの画像をクリックしても選べます</translation>
    </message>
</context>
<context>
    <name>koto::gui::ProjectSession</name>
    <message>
        <source>Kotohajime projects (*.koto)</source>
        <translation>Kotohajime プロジェクト (*.koto)</translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation>プロジェクトを開く</translation>
    </message>
    <message>
        <source>Save Project</source>
        <translation>プロジェクトを保存</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>保存されていない変更</translation>
    </message>
    <message>
        <source>%1 has changes that are not saved. Save them first?</source>
        <translation>%1 には保存されていない変更があります。先に保存しますか?</translation>
    </message>
    <message>
        <source>Restore unsaved work?</source>
        <translation>保存されていない作業を復元しますか?</translation>
    </message>
    <message>
        <source>Kotohajime did not close properly last time. An autosave of %1 from %2 holds changes that were not saved. Restore them?</source>
        <translation>前回 Kotohajime は正しく終了しませんでした。%2 に自動保存された %1 に、保存されていない変更が残っています。復元しますか?</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>復元</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>破棄</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>無題</translation>
    </message>
    <message>
        <source>The project cannot be opened</source>
        <translation>プロジェクトを開けません</translation>
    </message>
    <message>
        <source>%1 could not be opened.

%2

The work you had open stays as it was.</source>
        <translation>%1 を開けませんでした。

%2

開いていた作業はそのまま残っています。</translation>
    </message>
    <message>
        <source>It holds an autoencoder or an RBM, which opens in the Autoencoder and RBM window, but not this one: %1</source>
        <translation>このファイルにはオートエンコーダか RBM が入っています。これは「オートエンコーダと RBM」ウィンドウでは開けますが、このウィンドウでは開けません: %1</translation>
    </message>
    <message>
        <source>The project was not saved</source>
        <translation>プロジェクトは保存されませんでした</translation>
    </message>
    <message>
        <source>Training did not hand over its weights in time. Pause training and save again.</source>
        <translation>学習スレッドが時間内に重みを渡しませんでした。学習を一時停止して、もう一度保存してください。</translation>
    </message>
    <message>
        <source>The autosave cannot be restored</source>
        <translation>自動保存を復元できません</translation>
    </message>
    <message>
        <source>The autosave of %1 could not be opened.

%2</source>
        <translation>%1 の自動保存を開けませんでした。

%2</translation>
    </message>
    <message>
        <source>Its data cannot be loaded, or its network does not fit the data.</source>
        <translation>データを読み込めないか、ネットワークがデータに合いません。</translation>
    </message>
    <message>
        <source>It was made by a newer version of Kotohajime. Update Kotohajime to open it.</source>
        <translation>新しいバージョンの Kotohajime で作られています。開くには Kotohajime を更新してください。</translation>
    </message>
    <message>
        <source>The network it describes cannot be built: a layer of an unknown type, a connection to a layer that is not there, or weights that do not fit the network.</source>
        <translation>記述されているネットワークを組み立てられません。未知の種類の層、存在しない層へのつながり、またはネットワークに合わない重みがあります。</translation>
    </message>
    <message>
        <source>The file cannot be read.</source>
        <translation>ファイルを読めません。</translation>
    </message>
    <message>
        <source>The file is damaged or is not a Kotohajime project.</source>
        <translation>ファイルが壊れているか、Kotohajime のプロジェクトではありません。</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>詳細: %1</translation>
    </message>
    <message>
        <source>%1 could not be written.

%2

Your work is still open: save it somewhere else, or mend what is said above and save again.</source>
        <translation>%1 に書き込めませんでした。

%2

作業はまだ開いたままです。別の場所に保存するか、上に書かれた問題を直してもう一度保存してください。</translation>
    </message>
    <message>
        <source>A value in it is out of range: a setting, a count, or a weight that is not a finite number. The details name the field.</source>
        <translation>範囲外の値があります（設定値、回数、または有限の数でない重み）。詳細にその項目が書かれています。</translation>
    </message>
    <message>
        <source>Kotohajime projects and ONNX models (*.koto *.onnx)</source>
        <translation>Kotohajime プロジェクトと ONNX モデル (*.koto *.onnx)</translation>
    </message>
    <message>
        <source>ONNX models (*.onnx)</source>
        <translation>ONNX モデル (*.onnx)</translation>
    </message>
    <message>
        <source>Kotohajime opens ONNX models that are one chain of the layers it trains. This one is damaged or uses something else; the details name it.</source>
        <translation>Kotohajime が開ける ONNX モデルは、Kotohajime で学習できる層が一列につながったものだけです。このファイルは壊れているか、それ以外のものを使っています。詳細にその名前があります。</translation>
    </message>
    <message>
        <source>No built-in dataset has inputs of this model&apos;s shape.</source>
        <translation>このモデルの入力の形に合う組み込みデータセットがありません。</translation>
    </message>
    <message>
        <source>The lesson cannot be opened</source>
        <translation>レッスンを開けません</translation>
    </message>
    <message>
        <source>Its project could not be set up.

%1

The work you had open stays as it was.</source>
        <translation>レッスンのプロジェクトを準備できませんでした。

%1

開いていた作業はそのままです。</translation>
    </message>
</context>
<context>
    <name>koto::gui::RacePanel</name>
    <message>
        <source>Steps</source>
        <translation>ステップ数</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>エポック数</translation>
    </message>
    <message>
        <source>The main window&apos;s network on %1, from the same initial weights and mini-batches for every optimizer (on the CPU).</source>
        <translation>メインウィンドウのネットワークを %1 で学習します。どの最適化手法も同じ初期重み・同じミニバッチから始めます（CPU で計算）。</translation>
    </message>
    <message>
        <source>(diverged)</source>
        <translation>（発散）</translation>
    </message>
    <message>
        <source>Each dot is one step. J after the last:</source>
        <translation>点ひとつが1ステップです。最後のステップのあとの J:</translation>
    </message>
    <message>
        <source>diverged</source>
        <translation>発散</translation>
    </message>
    <message>
        <source>Racing: epoch %1 of %2</source>
        <translation>競争中: エポック %1 / %2</translation>
    </message>
    <message>
        <source>Tick two or more optimizers and press Race.</source>
        <translation>最適化手法を2つ以上選んで「競争」を押してください。</translation>
    </message>
    <message>
        <source>Test loss at the last epoch:</source>
        <translation>最後のエポックのテスト損失:</translation>
    </message>
    <message>
        <source>Race on</source>
        <translation>競争の舞台</translation>
    </message>
    <message>
        <source>A logistic unit&apos;s w and b</source>
        <translation>ロジスティックユニットの w と b</translation>
    </message>
    <message>
        <source>A narrow bowl</source>
        <translation>細長いお椀</translation>
    </message>
    <message>
        <source>A curved valley (Rosenbrock)</source>
        <translation>曲がった谷（Rosenbrock）</translation>
    </message>
    <message>
        <source>A saddle</source>
        <translation>鞍点</translation>
    </message>
    <message>
        <source>This network on this data</source>
        <translation>このデータでのこのネットワーク</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学習率</translation>
    </message>
    <message>
        <source>Race</source>
        <translation>競争</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>止める</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>エポック</translation>
    </message>
    <message>
        <source>Test loss</source>
        <translation>テスト損失</translation>
    </message>
</context>
<context>
    <name>koto::gui::ReconstructionCurveView</name>
    <message>
        <source>Mean free energy F(v) (right axis)</source>
        <translation>平均自由エネルギー F(v)（右軸）</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>エポック</translation>
    </message>
    <message>
        <source>Free energy F(v)</source>
        <translation>自由エネルギー F(v)</translation>
    </message>
    <message>
        <source>Error on the training images</source>
        <translation>訓練画像での誤差</translation>
    </message>
    <message>
        <source>Error on the test images</source>
        <translation>テスト画像での誤差</translation>
    </message>
    <message>
        <source>Error per pixel</source>
        <translation>1ピクセルあたりの誤差</translation>
    </message>
</context>
<context>
    <name>koto::gui::RecurrentStateView</name>
    <message>
        <source>Target at the last step: %1</source>
        <translation>最後のステップの目標値: %1</translation>
    </message>
    <message>
        <source>Target: %1</source>
        <translation>目標値: %1</translation>
    </message>
    <message>
        <source>Class at the last step: %1</source>
        <translation>最後のステップのクラス: %1</translation>
    </message>
    <message>
        <source>Class: %1</source>
        <translation>クラス: %1</translation>
    </message>
    <message>
        <source>Each column is one time step t, each row one unit. The gates i, f, o are between 0 (closed) and 1 (open): where the forget gate f stays near 1, the cell c keeps what it holds, and its gradient travels back through time.</source>
        <translation>各列が1つのタイムステップ t、各行が1つのユニットです。ゲート i, f, o は 0（閉）から 1（開）の間の値です。忘却ゲート f が 1 の近くにあるところでは、セル c は中身を保ち、その勾配は時間をさかのぼって伝わります。</translation>
    </message>
    <message>
        <source>The states appear once the training thread has computed them for this sequence (also while training is paused).</source>
        <translation>状態は、学習スレッドがこの系列について計算すると表示されます（学習の一時停止中も計算します）。</translation>
    </message>
    <message numerus="yes">
        <source>%1: input x(t), %n value(s) a step</source>
        <translation>
            <numerusform>%1: 入力 x(t)、1ステップに %n 個の値</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: input gate i(t), how much new content enters the cell</source>
        <translation>%1: 入力ゲート i(t)、新しい内容がセルにどれだけ入るか</translation>
    </message>
    <message>
        <source>%1: forget gate f(t), how much of c(t−1) is kept</source>
        <translation>%1: 忘却ゲート f(t)、c(t−1) をどれだけ残すか</translation>
    </message>
    <message>
        <source>%1: output gate o(t), how much of the cell h(t) shows</source>
        <translation>%1: 出力ゲート o(t)、セルのどれだけを h(t) に出すか</translation>
    </message>
    <message>
        <source>%1: candidate g(t) = tanh(x(t) Wxg + h(t−1) Whg + bg)</source>
        <translation>%1: 候補 g(t) = tanh(x(t) Wxg + h(t−1) Whg + bg)</translation>
    </message>
    <message>
        <source>%1: cell state c(t) = f(t) c(t−1) + i(t) g(t)</source>
        <translation>%1: セル状態 c(t) = f(t) c(t−1) + i(t) g(t)</translation>
    </message>
    <message>
        <source>%1: hidden state h(t) = o(t) tanh(c(t))</source>
        <translation>%1: 隠れ状態 h(t) = o(t) tanh(c(t))</translation>
    </message>
    <message>
        <source>%1: hidden state h(t) = s(x(t) Wx + h(t−1) Wh + b)</source>
        <translation>%1: 隠れ状態 h(t) = s(x(t) Wx + h(t−1) Wh + b)</translation>
    </message>
    <message>
        <source>input value</source>
        <translation>入力値</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>ユニット</translation>
    </message>
    <message>
        <source>Test sequence</source>
        <translation>テスト系列</translation>
    </message>
    <message>
        <source>Which test sequence to follow through the network, step by step</source>
        <translation>ネットワークの中を1ステップずつたどるテスト系列</translation>
    </message>
</context>
<context>
    <name>koto::gui::RunBook</name>
    <message>
        <source>Run 1</source>
        <translation>実行 1</translation>
    </message>
    <message>
        <source>Run %1</source>
        <translation>実行 %1</translation>
    </message>
    <message>
        <source>same settings</source>
        <translation>同じ設定</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>学習率</translation>
    </message>
    <message>
        <source>optimizer</source>
        <translation>最適化手法</translation>
    </message>
    <message>
        <source>momentum</source>
        <translation>モーメンタム</translation>
    </message>
    <message>
        <source>batch size</source>
        <translation>バッチサイズ</translation>
    </message>
    <message>
        <source>schedule</source>
        <translation>スケジュール</translation>
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
        <translation>データ拡張</translation>
    </message>
    <message>
        <source>gradient clipping</source>
        <translation>勾配クリッピング</translation>
    </message>
</context>
<context>
    <name>koto::gui::RunTimeline</name>
    <message>
        <source>epoch %1 (back in time)</source>
        <translation>エポック %1（過去）</translation>
    </message>
    <message>
        <source>epoch %1 (now)</source>
        <translation>エポック %1（現在）</translation>
    </message>
    <message>
        <source>Go on from epoch %1 with the settings as the panels have them now; this run is kept beside the new one.</source>
        <translation>エポック %1 から、今のパネルの設定で続けます。この実行は新しい実行の横に残ります。</translation>
    </message>
    <message>
        <source>Go on from the latest checkpoint with the settings as the panels have them now; this run is kept beside the new one.</source>
        <translation>最新のチェックポイントから、今のパネルの設定で続けます。この実行は新しい実行の横に残ります。</translation>
    </message>
    <message>
        <source>History</source>
        <translation>履歴</translation>
    </message>
    <message>
        <source>History of %1</source>
        <translation>%1 の履歴</translation>
    </message>
    <message>
        <source>Drag back to see the network as it was after an earlier epoch; the right end is the run as it stands. Play goes on from there.</source>
        <translation>左へドラッグすると、前のエポックのあとのネットワークが見られます。右端が今の状態です。「再生」は今の状態から続けます。</translation>
    </message>
    <message>
        <source>Fork here…</source>
        <translation>ここから分岐…</translation>
    </message>
    <message>
        <source>Runs…</source>
        <translation>実行の一覧…</translation>
    </message>
    <message>
        <source>Compare the runs kept in this project, continue or delete one.</source>
        <translation>このプロジェクトに残した実行を比べたり、続けたり、削除したりします。</translation>
    </message>
</context>
<context>
    <name>koto::gui::RunViews</name>
    <message>
        <source>Learning curve</source>
        <translation>学習曲線</translation>
    </message>
    <message>
        <source>Confusion matrix</source>
        <translation>混同行列</translation>
    </message>
    <message>
        <source>Filters and feature maps</source>
        <translation>フィルタと特徴マップ</translation>
    </message>
    <message>
        <source>States over time</source>
        <translation>状態の時間変化</translation>
    </message>
    <message>
        <source>Gradient through time</source>
        <translation>時間をさかのぼる勾配</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>重み</translation>
    </message>
    <message>
        <source>Output probabilities</source>
        <translation>出力の確率</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>ネットワーク</translation>
    </message>
    <message>
        <source>Dropout and noise</source>
        <translation>ドロップアウトとノイズ</translation>
    </message>
</context>
<context>
    <name>koto::gui::RunsDialog</name>
    <message>
        <source>Runs</source>
        <translation>実行の一覧</translation>
    </message>
    <message>
        <source>Every run of this project. Tick a kept run to draw its test loss beside the run training; double-click a name to rename it.</source>
        <translation>このプロジェクトのすべての実行です。残した実行にチェックを入れると、そのテスト損失を学習中の実行の横に描きます。名前をダブルクリックすると名前を変えられます。</translation>
    </message>
    <message>
        <source>On the curve</source>
        <translation>曲線に表示</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>実行</translation>
    </message>
    <message>
        <source>Forked from</source>
        <translation>分岐元</translation>
    </message>
    <message>
        <source>Settings that differ</source>
        <translation>違う設定</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>エポック数</translation>
    </message>
    <message>
        <source>Final test loss</source>
        <translation>最終テスト損失</translation>
    </message>
    <message>
        <source>Best test loss</source>
        <translation>最良テスト損失</translation>
    </message>
    <message>
        <source>Final test accuracy</source>
        <translation>最終テスト正解率</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>時間</translation>
    </message>
    <message>
        <source>Continue this run</source>
        <translation>この実行を続ける</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>training</source>
        <translation>学習中</translation>
    </message>
    <message>
        <source>%1 at epoch %2</source>
        <translation>%1 のエポック %2</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
</context>
<context>
    <name>koto::gui::StageText</name>
    <message numerus="yes">
        <source> (%n terms)</source>
        <translation>
            <numerusform>（%n 項）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>dense, %n units, %1</source>
        <translation>
            <numerusform>全結合、%n ユニット、%1</numerusform>
        </translation>
    </message>
    <message>
        <source>dropout, keep probability p = %1</source>
        <translation>ドロップアウト、残す確率 p = %1</translation>
    </message>
    <message>
        <source>Gaussian noise, σ = %1</source>
        <translation>ガウスノイズ、σ = %1</translation>
    </message>
    <message>
        <source>Forward, layer %1 of %2: %3</source>
        <translation>順伝播、層 %1 / %2: %3</translation>
    </message>
    <message>
        <source>The cost J: %1</source>
        <translation>コスト J: %1</translation>
    </message>
    <message>
        <source>Backward, layer %1 of %2: %3</source>
        <translation>逆伝播、層 %1 / %2: %3</translation>
    </message>
    <message>
        <source>gradient descent</source>
        <translation>勾配降下法</translation>
    </message>
    <message>
        <source>momentum</source>
        <translation>モーメンタム</translation>
    </message>
    <message>
        <source>Nesterov momentum</source>
        <translation>ネステロフのモーメンタム</translation>
    </message>
    <message>
        <source>The update: %1</source>
        <translation>更新: %1</translation>
    </message>
    <message numerus="yes">
        <source>N = %n sample(s) in this step; J is their mean cost.</source>
        <translation>
            <numerusform>このステップのサンプル数は N = %n。J はその平均コストです。</numerusform>
        </translation>
    </message>
    <message>
        <source>With the L1/L2 penalty the cost trained on is %1 + %2 = %3.</source>
        <translation>L1/L2 の罰則項を加えると、学習で小さくするコストは %1 + %2 = %3 です。</translation>
    </message>
    <message>
        <source>The output activation (%1) is applied together with the cost, in the next stage.</source>
        <translation>出力の活性化関数（%1）は、次の段階でコストと一緒に計算します。</translation>
    </message>
    <message>
        <source>M[n,j] = 1/p = %1 for a kept unit (probability p = %2), 0 for a dropped one</source>
        <translation>M[n,j] = 1/p = %1（残すユニット、確率 p = %2）、落とすユニットは 0</translation>
    </message>
    <message>
        <source>%1 = %2: dropout acts only while training</source>
        <translation>%1 = %2: ドロップアウトは学習中だけ働きます</translation>
    </message>
    <message>
        <source>ε ~ N(0, σ²), σ = %1, drawn anew for every step</source>
        <translation>ε ~ N(0, σ²)、σ = %1、ステップごとに新しく引きます</translation>
    </message>
    <message>
        <source>(the output activation and the cross-entropy together have this simple gradient)</source>
        <translation>（出力の活性化関数と交差エントロピーを合わせると、勾配はこの簡単な形になります）</translation>
    </message>
    <message>
        <source>%1 comes from the layer to the right</source>
        <translation>%1 は右の層から伝わってきます</translation>
    </message>
    <message>
        <source>(the error passed back to the layer to the left)</source>
        <translation>（左の層へ逆向きに伝える誤差）</translation>
    </message>
    <message>
        <source>(a dropped unit passes no error back)</source>
        <translation>（落としたユニットは誤差を伝えません）</translation>
    </message>
    <message>
        <source>(the noise does not depend on %1)</source>
        <translation>（ノイズは %1 によりません）</translation>
    </message>
    <message>
        <source>flatten: each sample&apos;s feature maps become one row of values</source>
        <translation>平坦化: 各サンプルの特徴マップを1行の値にします</translation>
    </message>
    <message numerus="yes">
        <source>convolution, %n filter(s) of %1×%1, %2</source>
        <translation>
            <numerusform>畳み込み、%1×%1 のフィルタ %n 個、%2</numerusform>
        </translation>
    </message>
    <message>
        <source>max pooling, %1×%1 windows</source>
        <translation>最大プーリング、%1×%1 の窓</translation>
    </message>
    <message>
        <source>average pooling, %1×%1 windows</source>
        <translation>平均プーリング、%1×%1 の窓</translation>
    </message>
    <message>
        <source>%1 filters of %2×%3×%3 slide over %4 with stride S = %5 and zero padding P = %6: %7 → %8</source>
        <translation>%2×%3×%3 のフィルタ %1 個が、ストライド S = %5、ゼロパディング P = %6 で %4 の上をずれていきます: %7 → %8</translation>
    </message>
    <message>
        <source>(over every window that covered (y, x), at its kernel position (ky, kx): each input collects the error of every window it was in)</source>
        <translation>（(y, x) を覆ったすべての窓について、そのカーネル位置 (ky, kx) で。各入力は、自分が入っていたすべての窓の誤差を集めます）</translation>
    </message>
    <message>
        <source>%1×%1 windows moved by %1: %2 → %3</source>
        <translation>%1×%1 の窓を %1 ずつずらします: %2 → %3</translation>
    </message>
    <message numerus="yes">
        <source>The last %n row(s) or column(s), which no whole window covers, are left out.</source>
        <translation>
            <numerusform>どの窓にも丸ごとは覆われない最後の %n 行（列）は使いません。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1[n,c,y,x] = %2 where %3[n,c,y,x] won its window, 0 elsewhere: the gradient goes to the winner alone</source>
        <translation>%3[n,c,y,x] が窓の中で勝った（最大だった）ところでは %1[n,c,y,x] = %2、それ以外は 0: 勾配は勝者だけに行きます</translation>
    </message>
    <message>
        <source>(every input of a window gets an equal share)</source>
        <translation>（窓のすべての入力が等しく分け合います）</translation>
    </message>
    <message numerus="yes">
        <source>%n of the %1 products are 0 and are left out.</source>
        <translation>
            <numerusform>%1 個の積のうち %n 個は 0 なので省きます。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Weight (%1, %2) of channel %3 of filter %4 met %n input(s): one in each window of each sample, where the window did not lie on the zero padding.</source>
        <translation>
            <numerusform>フィルタ %4 のチャンネル %3 の重み (%1, %2) は %n 個の入力と掛け合わされました。各サンプルの各窓で1つずつ、ただし窓のその位置がゼロパディングの上でないときだけです。</numerusform>
        </translation>
    </message>
    <message>
        <source>The window: rows %1, columns %2 of every channel of %3[%4], weighted by filter %5[%6].</source>
        <translation>窓: %3[%4] のすべてのチャンネルの %1 行、%2 列。フィルタ %5[%6] で重み付けします。</translation>
    </message>
    <message numerus="yes">
        <source>%n of its inputs lie on the zero padding and add nothing.</source>
        <translation>
            <numerusform>その入力のうち %n 個はゼロパディングの上にあり、何も加えません。</numerusform>
        </translation>
    </message>
    <message>
        <source>The winner: %1 = %2.</source>
        <translation>勝者: %1 = %2。</translation>
    </message>
    <message>
        <source>Passed back by layer %1: its %2 at the same place.</source>
        <translation>第%1層から逆向きに伝わってきた値: 同じ位置の %2 です。</translation>
    </message>
    <message numerus="yes">
        <source>%1 was in %n window(s) of each filter: %2.</source>
        <translation>
            <numerusform>%1 は各フィルタの %n 個の窓に入っていました: %2。</numerusform>
        </translation>
    </message>
    <message>
        <source>No whole window covers %1: it was left out, and gets no gradient.</source>
        <translation>%1 を丸ごと覆う窓はありません。使われなかったので、勾配も受け取りません。</translation>
    </message>
    <message>
        <source>%1 won its window: the whole gradient goes to it.</source>
        <translation>%1 は窓の中で勝ちました（最大でした）。勾配はすべてここに行きます。</translation>
    </message>
    <message>
        <source>%1 did not win its window (%2 did): it gets no gradient.</source>
        <translation>%1 は窓の中で勝てませんでした（勝ったのは %2）。勾配を受け取りません。</translation>
    </message>
    <message numerus="yes">
        <source>SimpleRNN, %n unit(s), %1</source>
        <translation>
            <numerusform>SimpleRNN、%n ユニット、%1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>LSTM, %n unit(s)</source>
        <translation>
            <numerusform>LSTM、%n ユニット</numerusform>
        </translation>
    </message>
    <message>
        <source>the last time step h(T) goes on</source>
        <translation>最後のタイムステップ h(T) を先へ渡します</translation>
    </message>
    <message>
        <source>every time step goes on as a row of its own</source>
        <translation>すべてのタイムステップを、それぞれ1行として先へ渡します</translation>
    </message>
    <message>
        <source>One answer per sequence: only the last step&apos;s hidden state goes on.</source>
        <translation>1系列に1つの答え: 最後のステップの隠れ状態だけを先へ渡します。</translation>
    </message>
    <message>
        <source>dJ/d%1(T) = dJ/d%2; the earlier steps get 0 here, and their gradient through the recurrence.</source>
        <translation>dJ/d%1(T) = dJ/d%2。それより前のステップはここでは 0 を受け取り、勾配は再帰を通して受け取ります。</translation>
    </message>
    <message>
        <source>(input gate: how much new content enters)</source>
        <translation>（入力ゲート: 新しい内容がどれだけ入るか）</translation>
    </message>
    <message>
        <source>(forget gate: how much of c(t−1) is kept)</source>
        <translation>（忘却ゲート: c(t−1) をどれだけ残すか）</translation>
    </message>
    <message>
        <source>(output gate: how much of the cell is shown)</source>
        <translation>（出力ゲート: セルのどれだけを出すか）</translation>
    </message>
    <message>
        <source>(candidate content)</source>
        <translation>（候補となる内容）</translation>
    </message>
    <message>
        <source>T = %1 time steps, t = 1 … T; the same weights at every step.</source>
        <translation>T = %1 タイムステップ、t = 1 … T。すべてのステップで同じ重みを使います。</translation>
    </message>
    <message>
        <source>(the gradient from this step&apos;s output and from the step after it)</source>
        <translation>（このステップの出力からの勾配と、次のステップからの勾配）</translation>
    </message>
    <message>
        <source>Through the cell the gradient goes back multiplied only by the forget gate f: while f stays near 1 it survives far back in time.</source>
        <translation>セルを通る勾配は、忘却ゲート f だけを掛けられて戻ります。f が 1 の近くにある間は、時間をずっとさかのぼっても消えません。</translation>
    </message>
    <message>
        <source>Each step back multiplies the gradient by Whᵀ and s′: through a SimpleRNN it shrinks (or explodes) as it goes back in time.</source>
        <translation>1ステップ戻るごとに勾配に Whᵀ と s′ が掛かります。SimpleRNN では、時間をさかのぼるにつれて勾配が縮みます（または爆発します）。</translation>
    </message>
    <message>
        <source>This step&apos;s mask dropped %1 of the %2 units (the zeros of M; a share of %3, about 1 − p), and scaled the others by 1/p.</source>
        <translation>このステップのマスクは %2 個のユニットのうち %1 個を落とし（M の 0 の部分。割合は %3 で、およそ 1 − p）、残りを 1/p 倍しました。</translation>
    </message>
    <message>
        <source>Each sample&apos;s C×H×W values (channels first) are already one row of C·H·W numbers: they pass on unchanged, %1[n, (c·H + y)·W + x] = %1[n,c,y,x].</source>
        <translation>各サンプルの C×H×W 個の値（チャンネルが先）は、すでに C·H·W 個の数の1行になっています。値はそのまま渡されます: %1[n, (c·H + y)·W + x] = %1[n,c,y,x]。</translation>
    </message>
    <message>
        <source>It goes back unchanged: the same values, read again as C×H×W feature maps.</source>
        <translation>逆向きにもそのまま戻ります。同じ値を C×H×W の特徴マップとして読み直すだけです。</translation>
    </message>
    <message>
        <source>(L2: the gradient of l2·w²)</source>
        <translation>（L2: l2·w² の勾配）</translation>
    </message>
    <message>
        <source>g is dJ/dw from the backward pass.</source>
        <translation>g は逆伝播で求めた dJ/dw です。</translation>
    </message>
    <message>
        <source>(L1, after the step above: each weight moves learning_rate·l1 toward 0 and stops at 0)</source>
        <translation>（L1、上のステップのあとで: 各重みは 0 に向かって learning_rate·l1 だけ動き、0 で止まります）</translation>
    </message>
    <message>
        <source>The penalties act on every weight and bias.</source>
        <translation>罰則項はすべての重みとバイアスにかかります。</translation>
    </message>
    <message>
        <source>The penalties act on the weights, not on the biases.</source>
        <translation>罰則項は重みにかかり、バイアスにはかかりません。</translation>
    </message>
    <message>
        <source>Unit %1 of sample %2 was dropped in this step.</source>
        <translation>サンプル %2 のユニット %1 は、このステップで落とされました。</translation>
    </message>
    <message>
        <source>Unit %1 of sample %2 was kept, and scaled by 1/p.</source>
        <translation>サンプル %2 のユニット %1 は残され、1/p 倍されました。</translation>
    </message>
    <message>
        <source>Flatten made %1 column k = (c·%2 + y)·%3 + x = %4 of the row that layer %5 reads; its gradient there is %6.</source>
        <translation>平坦化により、%1 は層 %5 が読む行の列 k = (c·%2 + y)·%3 + x = %4 になりました。そこでの勾配は %6 です。</translation>
    </message>
    <message numerus="yes">
        <source>One product for each of the %n sample(s) at each of the %1 time steps, sample by sample through t = 1 … %1: the same weights act at every step.</source>
        <translation>
            <numerusform>%n 個のサンプルそれぞれについて、%1 個のタイムステップごとに1つの積があり、サンプルごとに t = 1 … %1 の順に並びます。同じ重みがすべてのステップで働きます。</numerusform>
        </translation>
    </message>
    <message>
        <source>h(0) = 0, so t = 1 adds nothing.</source>
        <translation>h(0) = 0 なので、t = 1 の項は何も加えません。</translation>
    </message>
    <message numerus="yes">
        <source>N = %1 rows: %n sequence(s) x %2 time steps (seq:many answers at every step); J is their mean cost.</source>
        <translation>
            <numerusform>N = %1 行: %n 個の系列 × %2 タイムステップ（seq:many はすべてのステップで答えます）。J はその平均コストです。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>koto::gui::SurfaceRacePlot</name>
    <message>
        <source>(diverged)</source>
        <translation>（発散）</translation>
    </message>
</context>
<context>
    <name>koto::gui::SweepPanel</name>
    <message>
        <source>diverged</source>
        <translation>発散</translation>
    </message>
    <message>
        <source>Training loss</source>
        <translation>訓練損失</translation>
    </message>
    <message>
        <source>Test loss</source>
        <translation>テスト損失</translation>
    </message>
    <message>
        <source>Test accuracy</source>
        <translation>テスト正解率</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>時間</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>Training combination %1 of %2…</source>
        <translation>組み合わせ %1 / %2 を学習中…</translation>
    </message>
    <message>
        <source>Choose what to vary and press Run sweep.</source>
        <translation>変える項目を選んで「掃引を実行」を押してください。</translation>
    </message>
    <message>
        <source>Cancelled: %1 of %2 combinations trained. The brighter a cell, the better.</source>
        <translation>中止しました: %2 個中 %1 個の組み合わせを学習しました。明るいセルほど良い結果です。</translation>
    </message>
    <message>
        <source>%1 combinations trained, each from the same seed. The brighter a cell, the better.</source>
        <translation>%1 個の組み合わせを、どれも同じ乱数の種から学習しました。明るいセルほど良い結果です。</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>学習率</translation>
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
        <translation>モーメンタム</translation>
    </message>
    <message>
        <source>batch size</source>
        <translation>バッチサイズ</translation>
    </message>
    <message>
        <source>hidden units</source>
        <translation>隠れユニット数</translation>
    </message>
    <message>
        <source>Values apart by commas: 0.01, 0.1, 1</source>
        <translation>値をコンマで区切って: 0.01, 0.1, 1</translation>
    </message>
    <message>
        <source>and a second one</source>
        <translation>もう1つ変える</translation>
    </message>
    <message>
        <source>Epochs each</source>
        <translation>それぞれのエポック数</translation>
    </message>
    <message>
        <source>Heatmap of</source>
        <translation>ヒートマップの値</translation>
    </message>
    <message>
        <source>final test loss</source>
        <translation>最終テスト損失</translation>
    </message>
    <message>
        <source>final test accuracy (%)</source>
        <translation>最終テスト正解率（%）</translation>
    </message>
    <message>
        <source>final training loss</source>
        <translation>最終訓練損失</translation>
    </message>
    <message>
        <source>Run sweep</source>
        <translation>掃引を実行</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
</context>
<context>
    <name>koto::gui::TaskCard</name>
    <message>
        <source>Task %1: %2</source>
        <translation>課題 %1: %2</translation>
    </message>
    <message>
        <source>Hint %1: %2</source>
        <translation>ヒント %1: %2</translation>
    </message>
    <message>
        <source>Show a hint</source>
        <translation>ヒントを見る</translation>
    </message>
    <message>
        <source>Another hint (%1 left)</source>
        <translation>次のヒント（残り %1）</translation>
    </message>
    <message>
        <source>Done: the check passed on your run</source>
        <translation>達成: あなたの学習でチェックを満たしました</translation>
    </message>
    <message>
        <source>Not done yet</source>
        <translation>まだ達成していません</translation>
    </message>
</context>
<context>
    <name>koto::gui::TimeHeatmap</name>
    <message>
        <source>time step t</source>
        <translation>タイムステップ t</translation>
    </message>
</context>
<context>
    <name>koto::gui::TrainingPanel</name>
    <message>
        <source>Training</source>
        <translation>学習</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学習率</translation>
    </message>
    <message>
        <source>The step size in w = w - learning_rate * dJ/dw. Too large bounces across the valley or diverges; too small is slow. It can be changed while training runs.</source>
        <translation>w = w - learning_rate * dJ/dw の歩幅。大きすぎると谷を飛び越えて振動したり発散したりし、小さすぎると遅くなります。学習中にも変えられます。</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>バッチサイズ</translation>
    </message>
    <message>
        <source>Samples per gradient step: 1 is stochastic gradient descent, all training points is batch gradient descent, in between is mini-batch.</source>
        <translation>勾配ステップ1回あたりのサンプル数: 1 なら確率的勾配降下法、訓練データ全部ならバッチ勾配降下法、その間がミニバッチです。</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>速さ</translation>
    </message>
    <message>
        <source>Slow (2 epochs/s)</source>
        <translation>ゆっくり（毎秒2エポック）</translation>
    </message>
    <message>
        <source>Normal (30 epochs/s)</source>
        <translation>ふつう（毎秒30エポック）</translation>
    </message>
    <message>
        <source>Full speed</source>
        <translation>全速</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>最適化手法</translation>
    </message>
    <message>
        <source>Gradient descent</source>
        <translation>勾配降下法</translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation>モーメンタム</translation>
    </message>
    <message>
        <source>Nesterov momentum</source>
        <translation>ネステロフのモーメンタム</translation>
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
        <translation>v = μ·v − learning_rate · dJ/dw; w = w + v: 速度が重みを小さな凹凸の向こうへ運びます</translation>
    </message>
    <message>
        <source>v = μ·v − learning_rate · g; w = w + μ·v − learning_rate · g: momentum that looks one step ahead</source>
        <translation>v = μ·v − learning_rate · g; w = w + μ·v − learning_rate · g: 1歩先を見るモーメンタム</translation>
    </message>
    <message>
        <source>cache = cache + g²; w = w − learning_rate · g / (√cache + ε): each weight gets its own, shrinking rate</source>
        <translation>cache = cache + g²; w = w − learning_rate · g / (√cache + ε): 重みごとに、だんだん小さくなる学習率</translation>
    </message>
    <message>
        <source>cache = decay · cache + (1 − decay) · g²; the update as AdaGrad&apos;s, with momentum μ: the cache forgets old gradients</source>
        <translation>cache = decay · cache + (1 − decay) · g²; 更新は AdaGrad と同じ式にモーメンタム μ を加えたもの: キャッシュは古い勾配を忘れていきます</translation>
    </message>
    <message>
        <source>Running means of g and g², corrected for their start at zero: momentum and a per-weight rate together</source>
        <translation>g と g² の移動平均（ゼロから始まる偏りを補正）: モーメンタムと重みごとの学習率の組み合わせ</translation>
    </message>
    <message>
        <source>How the weights move once the gradient is known</source>
        <translation>勾配がわかったあと、重みをどう動かすか</translation>
    </message>
    <message>
        <source>Momentum μ</source>
        <translation>モーメンタム μ</translation>
    </message>
    <message>
        <source>How much of the last change carries over (0.9 is usual). It can be changed while training runs.</source>
        <translation>前回の変化をどれだけ引き継ぐか（ふつうは 0.9）。学習中にも変えられます。</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>スケジュール</translation>
    </message>
    <message>
        <source>Constant</source>
        <translation>一定</translation>
    </message>
    <message>
        <source>Halve every 10 epochs</source>
        <translation>10エポックごとに半分</translation>
    </message>
    <message>
        <source>Inverse decay A/(1 + 0.05t)</source>
        <translation>逆数減衰 A/(1 + 0.05t)</translation>
    </message>
    <message>
        <source>Exponential decay A·exp(−0.02t)</source>
        <translation>指数減衰 A·exp(−0.02t)</translation>
    </message>
    <message>
        <source>How the learning rate A changes with the epoch t; the curve shows the first 100 epochs</source>
        <translation>学習率 A がエポック t とともにどう変わるか。曲線は最初の100エポックを示します</translation>
    </message>
    <message>
        <source>epoch t</source>
        <translation>エポック t</translation>
    </message>
    <message>
        <source>Adds l1 · Σ|w| to the cost: it drives weights to exactly zero (sparsity)</source>
        <translation>コストに l1 · Σ|w| を加えます: 重みをちょうど 0 にします（スパース性）</translation>
    </message>
    <message>
        <source>Adds l2 · Σw² to the cost: it shrinks the weights, its pull fading near zero</source>
        <translation>コストに l2 · Σw² を加えます: 重みを小さくし、その引く力は 0 の近くで弱まります</translation>
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
        <translation>入力ノイズ σ</translation>
    </message>
    <message>
        <source>While training, Gaussian noise of mean 0 and this standard deviation is added to the inputs: the network cannot rely on any exact position</source>
        <translation>学習中、平均 0・この標準偏差のガウスノイズを入力に加えます: ネットワークは正確な位置に頼れなくなります</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>検証データ</translation>
    </message>
    <message>
        <source>The share of the training points held out to watch for overfitting (its loss is the third curve)</source>
        <translation>過学習を見張るために訓練データから取り分ける割合（その損失が3本目の曲線です）</translation>
    </message>
    <message>
        <source>Stop after</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>never</source>
        <translation>しない</translation>
    </message>
    <message>
        <source> epochs</source>
        <translation> エポック</translation>
    </message>
    <message>
        <source>Early stopping: stop when the validation loss has not improved for this many epochs, and go back to the weights of its best epoch</source>
        <translation>早期終了: 検証損失がこのエポック数のあいだ改善しなければ学習を止め、最も良かったエポックの重みに戻します</translation>
    </message>
    <message>
        <source>Penalise the biases b too</source>
        <translation>バイアス b にも正則化をかける</translation>
    </message>
    <message>
        <source>As the curriculum writes the penalties: |W1| + |b1| + ... and W1² + b1² + ...</source>
        <translation>カリキュラムの式のとおり: |W1| + |b1| + ... と W1² + b1² + ...</translation>
    </message>
    <message>
        <source>Decay</source>
        <translation>減衰率</translation>
    </message>
    <message>
        <source>RMSprop: cache = decay · cache + (1 − decay) · g². Near 1 the cache remembers many past gradients (0.99 is usual)</source>
        <translation>RMSprop: cache = decay · cache + (1 − decay) · g²。1 に近いほどキャッシュは多くの過去の勾配を覚えています（0.99 がふつう）</translation>
    </message>
    <message>
        <source>Clip gradients at</source>
        <translation>勾配クリッピング</translation>
    </message>
    <message>
        <source>off</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Gradient clipping: with g all the weights&apos; gradients together and ‖g‖ = √(Σ g²), when ‖g‖ &gt; θ every gradient is scaled: g = g · θ / ‖g‖, before the update. It keeps an exploding gradient (through time, in a recurrent layer) from throwing the weights away; 0 is off</source>
        <translation>勾配クリッピング: すべての重みの勾配をまとめて g とし、‖g‖ = √(Σ g²) とします。‖g‖ &gt; θ のとき、更新の前にすべての勾配を g = g · θ / ‖g‖ と縮めます。これにより、勾配爆発（再帰層で時間をさかのぼるときなど）で重みが台無しになるのを防ぎます。0 ならクリッピングしません</translation>
    </message>
</context>
<context>
    <name>koto::gui::UnsupervisedWindow</name>
    <message>
        <source>Save the model as</source>
        <translation>モデルを名前を付けて保存</translation>
    </message>
    <message>
        <source>Kotohajime projects (*.koto)</source>
        <translation>Kotohajime プロジェクト (*.koto)</translation>
    </message>
    <message>
        <source>Autoencoder</source>
        <translation>オートエンコーダ</translation>
    </message>
    <message>
        <source>RBM</source>
        <translation>RBM</translation>
    </message>
    <message>
        <source>The model was not saved</source>
        <translation>モデルは保存されませんでした</translation>
    </message>
    <message>
        <source>The training thread did not hand over the model in time, or there is none (choose image data first). Nothing was written.</source>
        <translation>学習スレッドが時間内にモデルを渡さなかったか、モデルがありません（先に画像データを選んでください）。何も書き込んでいません。</translation>
    </message>
    <message>
        <source>%1 could not be written.

%2

A file that was there stays as it was.</source>
        <translation>%1 に書き込めませんでした。

%2

もとからあったファイルはそのまま残っています。</translation>
    </message>
    <message>
        <source>Input images X</source>
        <translation>入力画像 X</translation>
    </message>
    <message>
        <source>Their reconstructions</source>
        <translation>その再構成</translation>
    </message>
    <message>
        <source>Learned features: each hidden unit&apos;s weights W, as an image</source>
        <translation>学習した特徴: 各隠れユニットの重み W を画像として表示</translation>
    </message>
    <message>
        <source>Gibbs chain: p(v|h) after %1 steps from the images above</source>
        <translation>ギブス連鎖: 上の画像から %1 ステップ後の p(v|h)</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>一時停止</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>再生</translation>
    </message>
    <message>
        <source>Choose image data (Fashion-MNIST, IDX or CSV images) in the main window: these models learn from the pixels alone.</source>
        <translation>メインウィンドウで画像データ（Fashion-MNIST、IDX または CSV の画像）を選んでください。これらのモデルは画素だけから学習します。</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>開始しています…</translation>
    </message>
    <message>
        <source>Cannot train: %1</source>
        <translation>学習できません: %1</translation>
    </message>
    <message>
        <source>Preparing GPU kernels on %1… (the first time takes seconds)</source>
        <translation>%1 で GPU カーネルを準備中…（初回は数秒かかります）</translation>
    </message>
    <message>
        <source>The OpenCL device could not be used, so training runs on the CPU: %1</source>
        <translation>OpenCL デバイスを使えなかったので、CPU で学習しています: %1</translation>
    </message>
    <message>
        <source>Paused at the initial weights: Play trains, Step makes one mini-batch step.</source>
        <translation>初期重みで一時停止しています。「再生」で学習し、「1ステップ」でミニバッチ1つ分のステップを進めます。</translation>
    </message>
    <message>
        <source>Step %1</source>
        <translation>ステップ %1</translation>
    </message>
    <message>
        <source>Epoch %1: reconstruction error (mean squared, per pixel) training %2, test %3</source>
        <translation>エポック %1: 再構成誤差（1ピクセルあたりの平均二乗）訓練 %2、テスト %3</translation>
    </message>
    <message>
        <source>; mean free energy %1</source>
        <translation>、平均自由エネルギー %1</translation>
    </message>
    <message>
        <source>Autoencoder and RBM</source>
        <translation>オートエンコーダと RBM</translation>
    </message>
    <message>
        <source>Restricted Boltzmann machine (RBM)</source>
        <translation>制限付きボルツマンマシン（RBM）</translation>
    </message>
    <message>
        <source>Encoder sizes</source>
        <translation>エンコーダの大きさ</translation>
    </message>
    <message>
        <source>256,64: the encoder 784-256-64 and the mirrored decoder 64-256-784</source>
        <translation>256,64: エンコーダ 784-256-64 と、それを反転したデコーダ 64-256-784</translation>
    </message>
    <message>
        <source>Tied weights (decoder W = encoder W^T)</source>
        <translation>重みの共有（デコーダの W = エンコーダの W^T）</translation>
    </message>
    <message>
        <source>Denoising noise σ</source>
        <translation>ノイズ除去のノイズ σ</translation>
    </message>
    <message>
        <source>Gaussian noise on the input only; the target stays the clean image</source>
        <translation>ガウスノイズは入力だけに加えます。目標はノイズのない画像のままです</translation>
    </message>
    <message>
        <source>Hidden units</source>
        <translation>隠れユニット数</translation>
    </message>
    <message>
        <source>CD-k steps k</source>
        <translation>CD-k のステップ数 k</translation>
    </message>
    <message>
        <source>Persistent chains (PCD)</source>
        <translation>持続的な連鎖（PCD）</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学習率</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>エポック数</translation>
    </message>
    <message>
        <source>Play trains until this many epochs are done</source>
        <translation>「再生」はこのエポック数が終わるまで学習します</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>1ステップ</translation>
    </message>
    <message>
        <source>One gradient step on one mini-batch</source>
        <translation>1つのミニバッチで勾配ステップを1回</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>リセット</translation>
    </message>
    <message>
        <source>Back to the same initial weights (same seed)</source>
        <translation>同じ初期重み（同じシード）に戻します</translation>
    </message>
    <message>
        <source>Save As…</source>
        <translation>名前を付けて保存…</translation>
    </message>
    <message>
        <source>Save the model, its settings, weights and learning curve as a .koto project</source>
        <translation>モデルとその設定、重み、学習曲線を .koto プロジェクトとして保存します</translation>
    </message>
    <message>
        <source>The weights were not handed over</source>
        <translation>重みは渡されませんでした</translation>
    </message>
    <message>
        <source>The training thread did not hand over the model in time, or there is none.</source>
        <translation>学習スレッドが時間内にモデルを渡さなかったか、モデルがありません。</translation>
    </message>
    <message>
        <source>The model has no trained weights yet.</source>
        <translation>このモデルにはまだ学習済みの重みがありません。</translation>
    </message>
    <message>
        <source>Step %1 (%2 steps per epoch)</source>
        <translation>ステップ %1（1エポックあたり %2 ステップ）</translation>
    </message>
    <message>
        <source>Use as the first layer of the classifier</source>
        <translation>分類器の最初の層として使う</translation>
    </message>
    <message>
        <source>Pre-training: the main window&apos;s network starts from this W and hidden bias in its first dense layer, and learns from the labels from there</source>
        <translation>事前学習: メインウィンドウのネットワークは、最初の全結合層をこの W と隠れ層のバイアスから始め、そこからラベルで学習します</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>破棄</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message numerus="yes">
        <source>All %n epoch(s) are done: raise Epochs to train on, or Step.</source>
        <translation>
            <numerusform>設定した %n エポックの学習がすべて終わりました。続けて学習するには「エポック数」を増やすか、「1ステップ」を押してください。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The autoencoder has trained %n step(s). Switching to the restricted Boltzmann machine (RBM) starts a new model: the autoencoder&apos;s weights and learning curve are lost unless you save them first.</source>
        <translation>
            <numerusform>オートエンコーダは %n ステップ学習しました。制限付きボルツマンマシン（RBM）に切り替えると新しいモデルが始まり、先に保存しない限り、オートエンコーダの重みと学習曲線は失われます。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The restricted Boltzmann machine (RBM) has trained %n step(s). Switching to the autoencoder starts a new model: the RBM&apos;s weights and learning curve are lost unless you save them first.</source>
        <translation>
            <numerusform>制限付きボルツマンマシン（RBM）は %n ステップ学習しました。オートエンコーダに切り替えると新しいモデルが始まり、先に保存しない限り、RBM の重みと学習曲線は失われます。</numerusform>
        </translation>
    </message>
    <message>
        <source>Switch the model?</source>
        <translation>モデルを切り替えますか？</translation>
    </message>
    <message>
        <source>Export Model…</source>
        <translation>モデルを書き出す…</translation>
    </message>
    <message>
        <source>The autoencoder (encoder and decoder) or the RBM&apos;s p(h|v) as ONNX, NumPy arrays, or a NumPy or PyTorch script</source>
        <translation>自己符号化器 (エンコーダとデコーダ) または RBM の p(h|v) を、ONNX、NumPy 配列、NumPy または PyTorch のスクリプトとして書き出します</translation>
    </message>
</context>
<context>
    <name>koto::gui::ViewExportMenu</name>
    <message>
        <source>E&amp;xport View…</source>
        <translation>表示を書き出す(&amp;X)…</translation>
    </message>
    <message>
        <source>Save the chart shown as a picture (PNG or SVG) or its data as CSV</source>
        <translation>表示中のグラフを画像（PNG か SVG）として、またはそのデータを CSV で保存します</translation>
    </message>
    <message>
        <source>Export &amp;Picture…</source>
        <translation>図を書き出す(&amp;P)…</translation>
    </message>
    <message>
        <source>Save the decision boundary or the image gallery as a picture (PNG or SVG) or its data as CSV</source>
        <translation>決定境界または画像ギャラリーを画像（PNG か SVG）として、またはそのデータを CSV で保存します</translation>
    </message>
    <message>
        <source>Save as Picture…</source>
        <translation>画像として保存…</translation>
    </message>
    <message>
        <source>Save Data as CSV…</source>
        <translation>データを CSV で保存…</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 画像 (*.png)</translation>
    </message>
    <message>
        <source>SVG drawing, sharp at any size (*.svg)</source>
        <translation>SVG 図（どの大きさでも鮮明） (*.svg)</translation>
    </message>
    <message>
        <source>CSV data (*.csv)</source>
        <translation>CSV データ (*.csv)</translation>
    </message>
    <message>
        <source>Save Data as CSV</source>
        <translation>データを CSV で保存</translation>
    </message>
    <message>
        <source>Export View</source>
        <translation>表示を書き出す</translation>
    </message>
    <message>
        <source>The view was not saved</source>
        <translation>表示は保存されませんでした</translation>
    </message>
</context>
<context>
    <name>koto::gui::WeightMeaning</name>
    <message>
        <source>bias</source>
        <translation>バイアス</translation>
    </message>
    <message>
        <source>filter</source>
        <translation>フィルタ</translation>
    </message>
    <message>
        <source>filter %1</source>
        <translation>フィルタ %1</translation>
    </message>
    <message>
        <source>h(t−1), unit</source>
        <translation>h(t−1) のユニット</translation>
    </message>
    <message>
        <source>h%1(t−1)</source>
        <translation>h%1(t−1)</translation>
    </message>
    <message>
        <source>input pixel (row by row)</source>
        <translation>入力ピクセル（行ごとに並べたもの）</translation>
    </message>
    <message>
        <source>pixel (%1, %2)</source>
        <translation>ピクセル (%1, %2)</translation>
    </message>
    <message>
        <source>input %1 (channel, row, column)</source>
        <translation>入力 %1（チャネル、行、列）</translation>
    </message>
    <message>
        <source>%1 channel %2 at (%3, %4)</source>
        <translation>%1 のチャネル %2 の (%3, %4)</translation>
    </message>
    <message>
        <source>input x(t), value</source>
        <translation>入力 x(t) の値</translation>
    </message>
    <message>
        <source>input x_i</source>
        <translation>入力 x_i</translation>
    </message>
    <message>
        <source>input x%1(t)</source>
        <translation>入力 x%1(t)</translation>
    </message>
    <message>
        <source>input x%1</source>
        <translation>入力 x%1</translation>
    </message>
    <message>
        <source>h(T), unit</source>
        <translation>h(T) のユニット</translation>
    </message>
    <message>
        <source>h%1(T)</source>
        <translation>h%1(T)</translation>
    </message>
    <message>
        <source>hidden unit</source>
        <translation>隠れユニット</translation>
    </message>
    <message>
        <source>hidden unit %1</source>
        <translation>隠れユニット %1</translation>
    </message>
    <message>
        <source>hidden unit of %1</source>
        <translation>%1 の隠れユニット</translation>
    </message>
    <message>
        <source>hidden unit %1 of %2</source>
        <translation>%2 の隠れユニット %1</translation>
    </message>
    <message>
        <source>weight of the window (channel, row, column)</source>
        <translation>窓の中の重み（チャネル、行、列）</translation>
    </message>
    <message>
        <source>channel %1 at (%2, %3) of its %4 × %4 window</source>
        <translation>%4 × %4 の窓のチャネル %1 の (%2, %3)</translation>
    </message>
    <message>
        <source>input gate i</source>
        <translation>入力ゲート i</translation>
    </message>
    <message>
        <source>forget gate f</source>
        <translation>忘却ゲート f</translation>
    </message>
    <message>
        <source>output gate o</source>
        <translation>出力ゲート o</translation>
    </message>
    <message>
        <source>candidate g</source>
        <translation>候補 g</translation>
    </message>
    <message>
        <source>%1, unit</source>
        <translation>%1 のユニット</translation>
    </message>
    <message>
        <source>%1 of unit %2</source>
        <translation>ユニット %2 の %1</translation>
    </message>
    <message>
        <source>h(t), unit</source>
        <translation>h(t) のユニット</translation>
    </message>
    <message>
        <source>h%1(t)</source>
        <translation>h%1(t)</translation>
    </message>
    <message>
        <source>output y_k</source>
        <translation>出力 y_k</translation>
    </message>
    <message>
        <source>output y%1</source>
        <translation>出力 y%1</translation>
    </message>
    <message>
        <source>bias of %1</source>
        <translation>%1 のバイアス</translation>
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
        <translation>%2 の %1（%3 × %4）</translation>
    </message>
    <message>
        <source>The weights appear once the training thread has copied them (also while training is paused).</source>
        <translation>学習スレッドが重みをコピーすると表示されます（一時停止中も）。</translation>
    </message>
    <message>
        <source>%1 (%2) after step %3</source>
        <translation>ステップ %3 の後の %1（%2）</translation>
    </message>
    <message>
        <source>Each cell is one weight %1[i, j], row i and column j counted from 1: blue below 0, red above, white near 0. Point at a cell to see what it connects.</source>
        <translation>各セルが 1 つの重み %1[i, j] です（行 i と列 j は 1 から数えます）。0 より小さいと青、大きいと赤、0 に近いと白。セルにマウスを重ねると、その重みが何と何をつなぐかが表示されます。</translation>
    </message>
    <message>
        <source>dJ/d%1 (%2) of step %3</source>
        <translation>ステップ %3 の dJ/d%1（%2）</translation>
    </message>
    <message>
        <source>The gradient appears after the first step.</source>
        <translation>勾配は最初のステップの後に表示されます。</translation>
    </message>
    <message>
        <source>The gradient the update used (with the L1 and L2 terms): the step moves each weight against it, %1 − learning_rate · dJ/d%1 for plain gradient descent.</source>
        <translation>更新に使われた勾配です（L1 と L2 の項を含みます）。ステップは各重みを勾配と逆向きに動かします。ふつうの勾配降下法なら %1 − learning_rate · dJ/d%1 です。</translation>
    </message>
    <message>
        <source>Δ%1 (%2)</source>
        <translation>Δ%1（%2）</translation>
    </message>
    <message>
        <source>Δ%1 (%2) of step %3</source>
        <translation>ステップ %3 の Δ%1（%2）</translation>
    </message>
    <message>
        <source>The update appears after the next step (Step, or Play).</source>
        <translation>更新量は次のステップの後に表示されます（「1ステップ」または「再生」）。</translation>
    </message>
    <message>
        <source>Δ%1 = %1 after the step − %1 before it: how this step moved each weight.</source>
        <translation>Δ%1 = ステップ後の %1 − ステップ前の %1：このステップで各重みがどれだけ動いたかです。</translation>
    </message>
    <message>
        <source>Δ%1 = %1 after the step − %1 before it, of step %2: the last update copied while training ran (Step shows the next one).</source>
        <translation>Δ%1 = ステップ後の %1 − ステップ前の %1（ステップ %2）：学習中に最後にコピーした更新量です（「1ステップ」で次の更新量を表示します）。</translation>
    </message>
    <message>
        <source>&lt;span style=&quot;color:black&quot;&gt;■&lt;/span&gt; black: exactly 0 (%1 of %2 cells)</source>
        <translation>&lt;span style=&quot;color:black&quot;&gt;■&lt;/span&gt; 黒：ちょうど 0（%2 セル中 %1）</translation>
    </message>
    <message>
        <source>Point at a cell: what it connects and its value.</source>
        <translation>セルにマウスを重ねると、その重みがつなぐものと値が表示されます。</translation>
    </message>
    <message>
        <source>Each hidden unit&apos;s incoming weights as a %1 × %2 image</source>
        <translation>各隠れユニットに入る重みを %1 × %2 の画像で</translation>
    </message>
    <message>
        <source>value</source>
        <translation>値</translation>
    </message>
    <message>
        <source>cells</source>
        <translation>セル数</translation>
    </message>
    <message>
        <source>How the values shown spread (outside the range: at its ends)</source>
        <translation>表示中の値の分布（範囲の外の値は両端に数えます）</translation>
    </message>
    <message>
        <source>How the values of %1 spread, epoch by epoch: the median, 25–75 % and 5–95 %</source>
        <translation>%1 の値の分布のエポックごとの変化：中央値、25–75 %、5–95 %</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>エポック</translation>
    </message>
    <message>
        <source>exactly 0</source>
        <translation>ちょうど 0</translation>
    </message>
    <message>
        <source>%1 = %2: %3</source>
        <translation>%1 = %2：%3</translation>
    </message>
    <message>
        <source>Matrix</source>
        <translation>行列</translation>
    </message>
    <message>
        <source>Which weights to show, by the curriculum&apos;s names</source>
        <translation>表示する重み（カリキュラムの名前で）</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>表示</translation>
    </message>
    <message>
        <source>Weights W</source>
        <translation>重み W</translation>
    </message>
    <message>
        <source>Gradient dJ/dW</source>
        <translation>勾配 dJ/dW</translation>
    </message>
    <message>
        <source>Last update ΔW</source>
        <translation>直前の更新量 ΔW</translation>
    </message>
    <message>
        <source>Colours</source>
        <translation>色</translation>
    </message>
    <message>
        <source>Automatic range</source>
        <translation>自動の範囲</translation>
    </message>
    <message>
        <source>Fixed range</source>
        <translation>固定の範囲</translation>
    </message>
    <message>
        <source>Automatic: ± the largest magnitude shown. Fixed: the same colours from step to step, so that changes compare.</source>
        <translation>自動：表示中の値の絶対値の最大を ± の範囲にします。固定：ステップが進んでも色の意味が変わらないので、変化を比べられます。</translation>
    </message>
    <message>
        <source>As images</source>
        <translation>画像で表示</translation>
    </message>
    <message>
        <source>Each hidden unit&apos;s incoming weights, one per pixel, as an image</source>
        <translation>各隠れユニットに入る重みを、1 ピクセルに 1 つずつ画像として表示します</translation>
    </message>
</context>
</TS>
