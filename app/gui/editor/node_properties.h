#pragma once
// The selected node's parameters as fields (units, activation, kernel, stride, padding, keep
// probability, ...), each change an edit of the document (successive changes of one field merge
// into one undo step), with the node's shape and, live, why it cannot work.

#include <QWidget>
#include <string>

class QFormLayout;
class QLabel;

namespace koto::gui {

class NetworkDocument;

class NodeProperties : public QWidget {
    Q_OBJECT
public:
    explicit NodeProperties(NetworkDocument& document, QWidget* parent = nullptr);
    // Shows this node ("" for none; kInputNode / kOutputNode for the two ends).
    void showNode(const std::string& name);
    const std::string& shownNode() const { return node_; }
    // The field editing a parameter ("units"), for tests.
    QWidget* field(const std::string& key) const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void rebuild();
    void refresh();

    NetworkDocument& document_;
    std::string node_;
    std::string shownType_;  // the fields are rebuilt only when the node or its type changes
    QLabel* heading_;
    QLabel* shape_;
    QLabel* error_;
    QFormLayout* form_;
    std::map<std::string, QWidget*> fields_;
};

}  // namespace koto::gui
