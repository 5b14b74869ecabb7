#pragma once
// The palette: every layer the catalog offers, in groups, with a search field. Drag an entry
// onto the canvas to add it (the drag carries the entry's id as kMimeType); double-click adds it
// at the end of the chain. Below the tree, the entry under the mouse (or the one selected) says in
// one line what it computes, so a learner reads it before dragging.

#include <QTreeWidget>
#include <QWidget>

class QLabel;
class QLineEdit;

namespace koto::gui {

class PaletteTree : public QTreeWidget {
    Q_OBJECT
public:
    static constexpr const char* kMimeType = "application/x-kotohajime-layer";
    using QTreeWidget::QTreeWidget;
    // What a drag of these items carries (public, so that a test can drop it too).
    QMimeData* mimeData(const QList<QTreeWidgetItem*>& items) const override;

protected:
    QStringList mimeTypes() const override;
};

class LayerPalette : public QWidget {
    Q_OBJECT
public:
    explicit LayerPalette(QWidget* parent = nullptr);
    PaletteTree& tree() const { return *tree_; }
    // The tree's item for an entry id ("dense"), for tests and for the drag it starts.
    QTreeWidgetItem* item(const QString& id) const;
    // The line under the tree: the description of the entry pointed at.
    QString shownDescription() const;

signals:
    void entryActivated(const QString& id);

protected:
    void changeEvent(QEvent* event) override;

private:
    void fill();
    void filter(const QString& text);
    void describe(const QTreeWidgetItem* item);

    QLineEdit* search_;
    PaletteTree* tree_;
    QLabel* description_;
};

}  // namespace koto::gui
