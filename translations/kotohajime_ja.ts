<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
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
        <source>This computer&apos;s processor, one core</source>
        <translation>このコンピューターのプロセッサー（1コア）</translation>
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
        <source>What to learn from: points of the plane (orange and blue are the two classes), images of clothes, your own MNIST files or a table of numbers</source>
        <translation>何から学ぶか: 平面上の点（オレンジと青が2つのクラス）、衣類の画像、自分の MNIST ファイル、または数の表</translation>
    </message>
    <message>
        <source>Training images</source>
        <translation>訓練画像の数</translation>
    </message>
    <message>
        <source>Use the first this many training images (fewer train faster)</source>
        <translation>最初のこの枚数の訓練画像を使います（少ないほど速く学習します）</translation>
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
        <translation>入力平面全体に対するネットワークの出力。白い縁の点は訓練データ、黒い縁の点はテストデータです。</translation>
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
        <source>Kotohajime — learn deep learning by watching it</source>
        <translation>Kotohajime — 見て学ぶディープラーニング</translation>
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
        <source>Learning curve</source>
        <translation>学習曲線</translation>
    </message>
    <message>
        <source>Confusion matrix</source>
        <translation>混同行列</translation>
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
        <source>Preparing GPU kernels on %1… (the first time takes seconds)</source>
        <translation>%1 で GPU カーネルを準備中…（初回は数秒かかります）</translation>
    </message>
    <message>
        <source>Computing on %1 (kernels prepared in %2 s)</source>
        <translation>%1 で計算中（カーネルの準備 %2 秒）</translation>
    </message>
    <message>
        <source>Computing on %1</source>
        <translation>%1 で計算中</translation>
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
        <source>g is dJ/dw from the backward pass (plus 2·l2·w with L2); with L1, w then moves learning_rate·l1 toward 0.</source>
        <translation>g は逆伝播で求めた dJ/dw です（L2 があれば 2·l2·w を加えます）。L1 があれば、そのあと w を 0 に向かって learning_rate·l1 だけ動かします。</translation>
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
        <translation>モメンタム</translation>
    </message>
    <message>
        <source>Nesterov momentum</source>
        <translation>ネステロフのモメンタム</translation>
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
        <translation>v = μ·v − learning_rate · g; w = w + μ·v − learning_rate · g: 1歩先を見るモメンタム</translation>
    </message>
    <message>
        <source>cache = cache + g²; w = w − learning_rate · g / (√cache + ε): each weight gets its own, shrinking rate</source>
        <translation>cache = cache + g²; w = w − learning_rate · g / (√cache + ε): 重みごとに、だんだん小さくなる学習率</translation>
    </message>
    <message>
        <source>cache = decay · cache + (1 − decay) · g²; the update as AdaGrad&apos;s, with momentum μ: the cache forgets old gradients</source>
        <translation>cache = decay · cache + (1 − decay) · g²; 更新は AdaGrad と同じ式にモメンタム μ を加えたもの: キャッシュは古い勾配を忘れていきます</translation>
    </message>
    <message>
        <source>Running means of g and g², corrected for their start at zero: momentum and a per-weight rate together</source>
        <translation>g と g² の移動平均（ゼロから始まる偏りを補正）: モメンタムと重みごとの学習率の組み合わせ</translation>
    </message>
    <message>
        <source>How the weights move once the gradient is known</source>
        <translation>勾配がわかったあと、重みをどう動かすか</translation>
    </message>
    <message>
        <source>Momentum μ</source>
        <translation>モメンタム μ</translation>
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
</context>
</TS>
