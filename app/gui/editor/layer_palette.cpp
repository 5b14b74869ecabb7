#include "editor/layer_palette.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QVBoxLayout>

#include "editor/layer_catalog.h"

namespace koto::gui {

QStringList PaletteTree::mimeTypes() const { return {QLatin1String(kMimeType)}; }

QMimeData* PaletteTree::mimeData(const QList<QTreeWidgetItem*>& items) const {
    if (items.isEmpty() || items.first()->data(0, Qt::UserRole).toString().isEmpty())
        return nullptr;
    auto* data = new QMimeData;
    data->setData(QLatin1String(kMimeType),
                  items.first()->data(0, Qt::UserRole).toString().toUtf8());
    return data;
}

LayerPalette::LayerPalette(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    search_ = new QLineEdit(this);
    search_->setObjectName(QStringLiteral("paletteSearch"));
    search_->setClearButtonEnabled(true);
    tree_ = new PaletteTree(this);
    tree_->setObjectName(QStringLiteral("palette"));
    tree_->setHeaderHidden(true);
    tree_->setDragEnabled(true);
    tree_->setDragDropMode(QAbstractItemView::DragOnly);
    tree_->setIconSize(QSize(22, 22));
    tree_->setRootIsDecorated(false);
    tree_->setIndentation(8);
    tree_->setMouseTracking(true);  // itemEntered while the mouse only passes over an entry
    description_ = new QLabel(this);
    description_->setObjectName(QStringLiteral("paletteDescription"));
    description_->setWordWrap(true);
    description_->setTextFormat(Qt::PlainText);
    // Room for three lines, so the palette does not jump as descriptions of other lengths show.
    description_->setMinimumHeight(3 * fontMetrics().lineSpacing() + 6);
    description_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    description_->setFrameShape(QFrame::StyledPanel);
    description_->setMargin(3);
    layout->addWidget(search_);
    layout->addWidget(tree_, 1);
    layout->addWidget(description_);
    connect(tree_, &QTreeWidget::itemEntered, this,
            [this](QTreeWidgetItem* item) { describe(item); });
    connect(tree_, &QTreeWidget::currentItemChanged, this,
            [this](QTreeWidgetItem* item) { describe(item); });
    connect(search_, &QLineEdit::textChanged, this, &LayerPalette::filter);
    connect(tree_, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem* item) {
        const QString id = item->data(0, Qt::UserRole).toString();
        if (!id.isEmpty()) emit entryActivated(id);
    });
    fill();
}

QTreeWidgetItem* LayerPalette::item(const QString& id) const {
    for (int g = 0; g < tree_->topLevelItemCount(); ++g)
        for (int i = 0; i < tree_->topLevelItem(g)->childCount(); ++i)
            if (tree_->topLevelItem(g)->child(i)->data(0, Qt::UserRole).toString() == id)
                return tree_->topLevelItem(g)->child(i);
    return nullptr;
}

void LayerPalette::fill() {
    tree_->clear();
    search_->setPlaceholderText(tr("Search layers"));
    std::map<LayerGroup, QTreeWidgetItem*> groups;
    const std::vector<PaletteEntry> entries = LayerCatalog::entries();
    for (const PaletteEntry& entry : entries)
        groups[entry.group] = nullptr;  // in the groups' order
    for (auto& [group, item] : groups) {
        item = new QTreeWidgetItem(tree_, {LayerCatalog::groupTitle(group)});
        item->setFlags(Qt::ItemIsEnabled);
        QFont bold = item->font(0);
        bold.setBold(true);
        item->setFont(0, bold);
        item->setExpanded(true);
    }
    for (const PaletteEntry& entry : entries) {
        auto* item = new QTreeWidgetItem(groups[entry.group], {LayerCatalog::title(entry)});
        item->setData(0, Qt::UserRole, entry.id);
        item->setIcon(0, LayerCatalog::icon(entry));
        item->setToolTip(0, LayerCatalog::description(entry));
        item->setStatusTip(0, LayerCatalog::description(entry));
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled);
    }
    tree_->expandAll();
    filter(search_->text());
    describe(tree_->currentItem());
}

void LayerPalette::describe(const QTreeWidgetItem* item) {
    const bool entry = item && !item->data(0, Qt::UserRole).toString().isEmpty();
    description_->setText(entry ? item->toolTip(0)
                                : tr("Drag a layer onto the canvas, or double-click it to add it "
                                     "at the end."));
}

QString LayerPalette::shownDescription() const { return description_->text(); }

void LayerPalette::filter(const QString& text) {
    for (int g = 0; g < tree_->topLevelItemCount(); ++g) {
        QTreeWidgetItem* group = tree_->topLevelItem(g);
        int shown = 0;
        for (int i = 0; i < group->childCount(); ++i) {
            QTreeWidgetItem* item = group->child(i);
            const bool match =
                text.isEmpty() || item->text(0).contains(text, Qt::CaseInsensitive) ||
                item->toolTip(0).contains(text, Qt::CaseInsensitive) ||
                item->data(0, Qt::UserRole).toString().contains(text, Qt::CaseInsensitive);
            item->setHidden(!match);
            shown += match;
        }
        group->setHidden(shown == 0);
    }
}

void LayerPalette::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) fill();
    QWidget::changeEvent(event);
}

}  // namespace koto::gui
