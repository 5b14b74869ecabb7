#pragma once
// The palette: every layer the catalog offers, in groups, with a search field. Drag an entry
// onto the canvas to add it (the drag carries the entry's id as kMimeType); double-click adds it
// at the end of the chain.

#include <QTreeWidget>
#include <QWidget>

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

signals:
    void entryActivated(const QString& id);

protected:
    void changeEvent(QEvent* event) override;

private:
    void fill();
    void filter(const QString& text);

    QLineEdit* search_;
    PaletteTree* tree_;
};

}  // namespace koto::gui
