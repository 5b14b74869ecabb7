#include "views/image_gallery_view.h"

#include <QComboBox>
#include <QEvent>
#include <QImage>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>
#include <QVBoxLayout>
#include <algorithm>
#include <functional>

#include "backend/cpu_backend.h"
#include "look/presentation.h"
#include "look/ui_text.h"
#include "look/view_colours.h"
#include "views/csv_text.h"

namespace koto::gui {
namespace {

constexpr int kAugmentedRows = 6;  // training images shown with their copies
constexpr int kCopies = 5;

// One grayscale image from [0, 1] values, row by row.
QImage imageOf(const float* values, int64_t width, int64_t height) {
    QImage image(static_cast<int>(width), static_cast<int>(height), QImage::Format_Grayscale8);
    for (int64_t y = 0; y < height; ++y) {
        uchar* line = image.scanLine(static_cast<int>(y));
        for (int64_t x = 0; x < width; ++x)
            line[x] =
                static_cast<uchar>(std::clamp(values[y * width + x], 0.0f, 1.0f) * 255.0f + 0.5f);
    }
    return image;
}

// A line of text centred in `box`: in a smaller font when that makes it fit (a longer class name,
// as "アンクルブーツ 14 %" is), down to three quarters of `font`; elided only beyond that. Measured
// with the painter's own metrics, which follow its device's resolution.
void drawFitted(QPainter& painter, const QFont& font, const QRect& box, const QString& text) {
    for (int percent = 100; percent >= 75; percent -= 5) {
        QFont smaller = font;
        if (font.pointSizeF() > 0) smaller.setPointSizeF(font.pointSizeF() * percent / 100);
        else smaller.setPixelSize(std::max(1, font.pixelSize() * percent / 100));
        painter.setFont(smaller);
        if (painter.fontMetrics().elidedText(text, Qt::ElideRight, box.width()) == text) break;
    }
    painter.drawText(box, Qt::AlignHCenter | Qt::AlignVCenter,
                     painter.fontMetrics().elidedText(text, Qt::ElideRight, box.width()));
}

}  // namespace

// The tiles: each image scaled to fit, with one or two lines of text under it.
class ImageGalleryView::Canvas : public QWidget {
public:
    Canvas() { setMinimumSize(300, 300); }

    struct Tile {
        QImage image;
        QString caption;
        QString answer;  // the network's, may be empty
        bool right = false;
        bool separated = false;  // the original of a row of augmented copies
    };
    std::vector<Tile> tiles;
    int columns = 6;  // tiles per row; 0: as many as fit

    std::function<void(int)> clicked;  // a tile clicked, by its index
    int chosen = -1;                   // the tile framed as chosen (-1: none)

    // Where the tiles go in this size: the scale of the images, how many to a row, each tile's
    // size and the left edge of the rows.
    struct Geometry {
        int scale = 1, perRow = 1, tileWidth = 1, tileHeight = 1, left = 0;
        int lines = 1;  // of text under each image
    };
    Geometry geometry() const {
        Geometry g;
        const int count = static_cast<int>(tiles.size());
        g.lines = std::any_of(tiles.begin(), tiles.end(),
                              [](const Tile& t) { return !t.answer.isEmpty(); })
                      ? 2
                      : 1;
        const QFontMetrics metrics(smallFont());
        const int textHeight = metrics.height() * g.lines + 4;
        // The largest whole scale (up to 8) at which every tile fits; 1 if none does. Tiles are
        // wide enough for most answers under the image ("Pullover 100 %"); longer ones are elided.
        const QSize imageSize = tiles.front().image.size();
        const int textWidth =
            g.lines == 2 ? metrics.horizontalAdvance(QStringLiteral("Pullover 100 %")) : 0;
        auto tileWidthAt = [&](int scale) {
            return std::max(imageSize.width() * scale, textWidth) + 12;
        };
        auto across = [&](int scale) {
            return columns > 0 ? columns : std::max(1, width() / tileWidthAt(scale));
        };
        for (int s = 8; s > 1; --s) {
            const int rows = (count + across(s) - 1) / across(s);
            if (across(s) * tileWidthAt(s) <= width() &&
                rows * (imageSize.height() * s + textHeight + 10) <= height()) {
                g.scale = s;
                break;
            }
        }
        g.perRow = across(g.scale);
        g.tileWidth = tileWidthAt(g.scale);
        g.tileHeight = imageSize.height() * g.scale + textHeight + 10;
        g.left = std::max(0, (width() - g.perRow * g.tileWidth) / 2);
        return g;
    }
    // The rectangle of tile i's image.
    QRect pictureRect(const Geometry& g, int i) const {
        const QSize imageSize = tiles.front().image.size();
        const int x =
            g.left + i % g.perRow * g.tileWidth + (g.tileWidth - imageSize.width() * g.scale) / 2;
        const int y = i / g.perRow * g.tileHeight + 6;
        return {x, y, imageSize.width() * g.scale, imageSize.height() * g.scale};
    }

protected:
    QFont smallFont() const {
        QFont small = font();
        small.setPointSizeF(small.pointSizeF() * 0.9);
        return small;
    }

    void mousePressEvent(QMouseEvent* event) override {
        // (A right click is for the context menu.)
        if (tiles.empty() || !clicked || event->button() != Qt::LeftButton) return;
        const Geometry g = geometry();
        for (int i = 0; i < static_cast<int>(tiles.size()); ++i) {
            const QRect tile(g.left + i % g.perRow * g.tileWidth, i / g.perRow * g.tileHeight,
                             g.tileWidth, g.tileHeight);
            if (tile.contains(event->position().toPoint())) {
                clicked(i);
                return;
            }
        }
    }

    void paintEvent(QPaintEvent*) override {
        QPainter painter(this);
        painter.fillRect(rect(), palette().base());
        if (tiles.empty()) return;
        const int count = static_cast<int>(tiles.size());
        const Geometry g = geometry();
        const QFont small = smallFont();
        const QFontMetrics metrics(small);
        const int perRow = g.perRow;
        const int tileWidth = g.tileWidth;
        const int left = g.left;
        for (int i = 0; i < count; ++i) {
            const Tile& tile = tiles[static_cast<size_t>(i)];
            const QRect picture = pictureRect(g, i);
            painter.drawImage(picture, tile.image);
            if (!tile.answer.isEmpty()) {
                painter.setPen(linePen(tile.right ? rightColour() : wrongColour(), 3));
                painter.drawRect(picture.adjusted(-2, -2, 1, 1));
            } else if (tile.separated) {
                painter.setPen(linePen(palette().highlight().color(), 2));
                painter.drawRect(picture.adjusted(-2, -2, 1, 1));
            }
            if (i == chosen) {
                painter.setPen(linePen(palette().highlight().color(), 2, Qt::DashLine));
                painter.drawRect(QRect(left + i % perRow * tileWidth + 1, picture.top() - 5,
                                       tileWidth - 2, g.tileHeight - 4));
            }
            painter.setFont(small);
            painter.setPen(palette().text().color());
            const QRect text(left + i % perRow * tileWidth + 2, picture.bottom() + 3, tileWidth - 4,
                             metrics.height());
            drawFitted(painter, small, text, tile.caption);
            if (!tile.answer.isEmpty()) {
                painter.setPen(tile.right ? rightColour() : wrongColour());
                drawFitted(painter, small, text.translated(0, metrics.height()), tile.answer);
            }
        }
    }
};

ImageGalleryView::ImageGalleryView(QWidget* parent) : QWidget(parent) {
    mode_ = new QComboBox(this);
    mode_->setObjectName(QStringLiteral("galleryMode"));
    mode_->addItem(QString(), static_cast<int>(Mode::TestImages));
    mode_->addItem(QString(), static_cast<int>(Mode::AugmentedImages));
    note_ = new QLabel(this);
    note_->setWordWrap(true);
    canvas_ = new Canvas;
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(mode_, 0, Qt::AlignLeft);
    layout->addWidget(note_);
    layout->addWidget(canvas_, 1);
    connect(mode_, &QComboBox::currentIndexChanged, this, [this] { retranslate(); });
    canvas_->clicked = [this](int tile) {
        if (mode() == Mode::TestImages) emit testImageClicked(tile);
    };
    retranslate();
}

void ImageGalleryView::setDataset(std::shared_ptr<const Dataset> dataset) {
    dataset_ = std::move(dataset);
    predicted_.clear();
    probabilities_.clear();
    makeAugmentedCopies();
    retranslate();
}

void ImageGalleryView::setAugmentation(const Augmentation& augmentation) {
    augmentation_ = augmentation;
    makeAugmentedCopies();
    retranslate();
}

void ImageGalleryView::setPredictions(std::vector<int32_t> classes,
                                      std::vector<float> probabilities) {
    predicted_ = std::move(classes);
    probabilities_ = std::move(probabilities);
    if (mode() == Mode::TestImages) retranslate();
}

void ImageGalleryView::setMode(Mode mode) {
    mode_->setCurrentIndex(mode_->findData(static_cast<int>(mode)));
}

ImageGalleryView::Mode ImageGalleryView::mode() const {
    return static_cast<Mode>(mode_->currentData().toInt());
}

void ImageGalleryView::setChosenSample(int64_t sample) {
    chosen_ = sample;
    canvas_->chosen = mode() == Mode::TestImages ? static_cast<int>(chosen_) : -1;
    canvas_->update();
}

QPoint ImageGalleryView::imageCentre(int64_t sample) const {
    if (canvas_->tiles.empty() || sample < 0 || sample >= imagesShown()) return {};
    return canvas_->mapTo(
        this, canvas_->pictureRect(canvas_->geometry(), static_cast<int>(sample)).center());
}

int ImageGalleryView::imagesShown() const { return static_cast<int>(canvas_->tiles.size()); }

int ImageGalleryView::correctAnswersShown() const {
    return static_cast<int>(
        std::count_if(canvas_->tiles.begin(), canvas_->tiles.end(),
                      [](const Canvas::Tile& t) { return !t.answer.isEmpty() && t.right; }));
}

QWidget& ImageGalleryView::pictureWidget() { return *canvas_; }

QString ImageGalleryView::csv() const {
    if (!dataset_ || dataset_->imageWidth < 1 || canvas_->tiles.empty()) return {};
    const Dataset& data = *dataset_;
    const bool test = mode() == Mode::TestImages;
    QStringList header = test ? QStringList{QStringLiteral("sample"), QStringLiteral("true_class"),
                                            QStringLiteral("answer"), QStringLiteral("probability")}
                              : QStringList{QStringLiteral("training_image"),
                                            QStringLiteral("copy"), QStringLiteral("class")};
    for (int64_t i = 1; i <= data.inputSize; ++i) header << QStringLiteral("x%1").arg(i);
    QString text = csvRow(header);
    auto name = [&](int32_t label) {
        return label >= 0 && static_cast<size_t>(label) < data.classNames.size()
                   ? QString::fromStdString(data.classNames[static_cast<size_t>(label)])
                   : QString::number(label);
    };
    auto withPixels = [&](QStringList row, const float* pixels) {
        for (int64_t i = 0; i < data.inputSize; ++i) row << csvNumber(pixels[i]);
        text += csvRow(row);
    };
    const auto shown = static_cast<int64_t>(canvas_->tiles.size());
    if (test) {
        for (int64_t i = 0; i < shown; ++i) {
            const auto n = static_cast<size_t>(i);
            const bool answered = n < predicted_.size();
            withPixels({QString::number(i + 1), name(data.test.labels[n]),
                        answered ? name(predicted_[n]) : QString(),
                        answered ? csvNumber(probabilities_[n]) : QString()},
                       data.test.floatInputs(i, 1, data.inputSize).data());
        }
        return text;
    }
    // Each training image, then its copies (as many as the tiles show).
    const int64_t copies = augmentation_.active() ? kCopies : 0;
    for (int64_t r = 0; r * (1 + copies) < shown; ++r) {
        const QString label = name(data.train.labels[static_cast<size_t>(r)]);
        withPixels({QString::number(r + 1), QStringLiteral("0"), label},
                   data.train.floatInputs(r, 1, data.inputSize).data());
        for (int64_t k = 0; k < copies; ++k)
            withPixels({QString::number(r + 1), QString::number(k + 1), label},
                       copies_.data() + (r * kCopies + k) * data.inputSize);
    }
    return text;
}

void ImageGalleryView::makeAugmentedCopies() {
    copies_.clear();
    if (!dataset_ || dataset_->imageWidth < 1 || !augmentation_.active()) return;
    std::vector<int64_t> rows;
    for (int64_t r = 0; r < std::min<int64_t>(kAugmentedRows, dataset_->train.count); ++r)
        rows.push_back(r);
    CpuBackend
        backend;  // a few small images: computed here, apart from the training thread's network
    copies_ = augmentedCopies(backend, *dataset_, dataset_->train, rows, augmentation_, kCopies, 1);
}

void ImageGalleryView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

void ImageGalleryView::retranslate() {
    mode_->setItemText(mode_->findData(static_cast<int>(Mode::TestImages)),
                       tr("Test images and the network's answers"));
    mode_->setItemText(mode_->findData(static_cast<int>(Mode::AugmentedImages)),
                       tr("Training images, augmented"));
    canvas_->tiles.clear();
    if (!dataset_ || dataset_->imageWidth < 1) {
        note_->clear();
        canvas_->update();
        return;
    }
    const Dataset& data = *dataset_;
    auto className = [&](int32_t label) {
        return label >= 0 && static_cast<size_t>(label) < data.classNames.size()
                   ? classTitle(data.classNames[static_cast<size_t>(label)])
                   : QString::number(label);
    };
    if (mode() == Mode::TestImages) {
        canvas_->columns = 0;
        canvas_->chosen = static_cast<int>(chosen_);
        const auto count = std::min<int64_t>(kGallerySamples, data.test.count);
        for (int64_t i = 0; i < count; ++i) {
            const std::vector<float> pixels = data.test.floatInputs(i, 1, data.inputSize);
            Canvas::Tile tile{imageOf(pixels.data(), data.imageWidth, data.imageHeight),
                              className(data.test.labels[static_cast<size_t>(i)]),
                              {},
                              false,
                              false};
            if (static_cast<size_t>(i) < predicted_.size()) {
                const int32_t answer = predicted_[static_cast<size_t>(i)];
                tile.right = answer == data.test.labels[static_cast<size_t>(i)];
                tile.answer = tr("%1 %2 %")
                                  .arg(className(answer))
                                  .arg(qRound(probabilities_[static_cast<size_t>(i)] * 100));
            }
            canvas_->tiles.push_back(tile);
        }
        note_->setText(
            predicted_.empty()
                ? tr("Under each image its class; press Step or Play to see the network's "
                     "answers.")
                : tr("Under each image its class and the network's answer with its "
                     "probability: green when right, red when wrong."));
    } else {
        canvas_->columns = 1 + (augmentation_.active() ? kCopies : 0);
        canvas_->chosen = -1;
        const auto rows = std::min<int64_t>(kAugmentedRows, data.train.count);
        for (int64_t r = 0; r < rows; ++r) {
            const std::vector<float> pixels = data.train.floatInputs(r, 1, data.inputSize);
            const QString caption = className(data.train.labels[static_cast<size_t>(r)]);
            canvas_->tiles.push_back({imageOf(pixels.data(), data.imageWidth, data.imageHeight),
                                      caption,
                                      {},
                                      false,
                                      augmentation_.active()});
            if (!augmentation_.active()) continue;
            for (int k = 0; k < kCopies; ++k)
                canvas_->tiles.push_back(
                    {imageOf(copies_.data() + (r * kCopies + k) * data.inputSize, data.imageWidth,
                             data.imageHeight),
                     caption,
                     {},
                     false,
                     false});
        }
        note_->setText(augmentation_.active() ? tr("Each row: a training image (framed), then "
                                                   "copies changed as training changes it. "
                                                   "The class stays the same.")
                                              : tr("No augmentation chosen: set shift, rotation, "
                                                   "mirror, brightness or contrast under "
                                                   "Data augmentation."));
    }
    canvas_->update();
}

}  // namespace koto::gui
