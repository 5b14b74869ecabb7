#pragma once
// The hidden layers as a list the learner edits: units, activation and dropout's keep
// probability per dense layer, add and remove; other layers (convolution, pooling, recurrent)
// appear as written and can be removed, a recurrent layer with its weight initialisation to
// choose. The output layer follows from the data (softmax over the classes, or a linear unit
// for regression) and is shown below the list. The network editor's page shows the same network
// as a canvas (main_window_editor.cpp keeps the two in step).

#include <QGroupBox>
#include <string>
#include <vector>

class QComboBox;
class QLabel;
class QPushButton;
class QVBoxLayout;

namespace koto::gui {

class LayerListEditor : public QGroupBox {
    Q_OBJECT
public:
    static constexpr int kMaxLayers = 8;

    explicit LayerListEditor(QWidget* parent = nullptr);
    ~LayerListEditor() override;

    // "dense:16:tanh,dropout:0.5,dense:16:tanh" (a dropout token after a layer whose keep
    // probability is below 1)
    std::string tokens() const;
    // Shows these hidden layers (tokens as the CLI writes them; check unsupportedToken() first:
    // tokens it names are skipped).
    void setTokens(const std::string& tokens);
    // The first token of a layers spec this list cannot show ("" if it can show them all): it
    // shows dense layers (kMaxUnits units each) with dropout after them, and convolution,
    // pooling, flatten and recurrent layers read-only, as written; up to kMaxLayers in all.
    static std::string unsupportedToken(const std::string& tokens);
    static constexpr int kMaxUnits = 4096;
    // The text under the list describing the output layer.
    void setOutputDescription(const QString& text);
    // The line under it saying how much memory training the network takes.
    void setMemoryDescription(const QString& text);
    int layerCount() const { return static_cast<int>(rows_.size()); }

signals:
    void layersChanged();

protected:
    void changeEvent(QEvent* event) override;

private:
    struct Row;
    void addRow(int units, const QString& activation, double keep);
    // A read-only row for a layer the list does not edit (convolution, pooling, recurrent).
    void addWrittenRow(const std::string& token);
    void removeRow(QWidget* row);
    void retranslate();
    // A recurrent row's choice of initialisation: its items and their formulas.
    void retranslateInit(QComboBox& init);

    QVBoxLayout* rowsLayout_;
    std::vector<Row*> rows_;
    QPushButton* add_;
    QLabel* output_;
    QLabel* memory_;
};

}  // namespace koto::gui
