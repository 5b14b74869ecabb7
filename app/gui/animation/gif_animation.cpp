#include "animation/gif_animation.h"

#include <gif_lib.h>

#include <QImage>
#include <algorithm>
#include <memory>
#include <new>
#include <string>
#include <vector>

#include "animation/colour_palette.h"

namespace koto::gui {
namespace {

std::string giflibSays(int error) {
    const char* text = GifErrorString(error);
    return text ? text : "error " + std::to_string(error);
}

struct ColourMapFree {
    void operator()(ColorMapObject* map) const { GifFreeMapObject(map); }
};

// A GIF colour table holds 2, 4, ..., 256 colours: the palette, then black to fill it.
std::unique_ptr<ColorMapObject, ColourMapFree> colourMapOf(const std::vector<QRgb>& palette) {
    const int size = 1 << GifBitSize(std::max<int>(2, static_cast<int>(palette.size())));
    std::vector<GifColorType> colours(static_cast<size_t>(size), GifColorType{0, 0, 0});
    for (size_t i = 0; i < palette.size(); ++i)
        colours[i] = {static_cast<GifByteType>(qRed(palette[i])),
                      static_cast<GifByteType>(qGreen(palette[i])),
                      static_cast<GifByteType>(qBlue(palette[i]))};
    return std::unique_ptr<ColorMapObject, ColourMapFree>(GifMakeMapObject(size, colours.data()));
}

}  // namespace

GifAnimation::GifAnimation(QSize size) : size_(size) {
    int error = 0;
    gif_ = EGifOpen(this, &GifAnimation::append, &error);
    if (!gif_) throw GifError("giflib could not start the animation: " + giflibSays(error));
    EGifSetGifVersion(gif_, true);  // GIF89a: frame delays and the loop are GIF89 extensions
    // No global colour table: each frame brings its own.
    check(EGifPutScreenDesc(gif_, size.width(), size.height(), 8, 0, nullptr),
          "write the screen descriptor");
    // Loop for ever: the NETSCAPE2.0 block, its sub-block 1 holding the loop count (0: for ever).
    static const GifByteType application[] = {'N', 'E', 'T', 'S', 'C', 'A',
                                              'P', 'E', '2', '.', '0'};
    static const GifByteType loop[] = {1, 0, 0};
    check(EGifPutExtensionLeader(gif_, APPLICATION_EXT_FUNC_CODE), "write the loop");
    check(EGifPutExtensionBlock(gif_, sizeof application, application), "write the loop");
    check(EGifPutExtensionBlock(gif_, sizeof loop, loop), "write the loop");
    check(EGifPutExtensionTrailer(gif_), "write the loop");
}

GifAnimation::~GifAnimation() {
    if (gif_) EGifCloseFile(gif_, nullptr);
}

int GifAnimation::append(GifFileType* gif, const unsigned char* data, int length) {
    try {  // no exception may cross giflib's C: a short write is its error to report
        static_cast<GifAnimation*>(gif->UserData)
            ->bytes_.append(reinterpret_cast<const char*>(data), length);
    } catch (const std::bad_alloc&) {
        return 0;
    }
    return length;
}

void GifAnimation::check(int result, const char* doing) const {
    if (result != GIF_OK)
        throw GifError(std::string("giflib could not ")
                           .append(doing)
                           .append(": ")
                           .append(giflibSays(gif_->Error)));
}

void GifAnimation::addFrame(const QImage& frame, int delayMs) {
    if (!gif_) throw GifError("the animation is finished: no frame can follow");
    if (frame.size() != size_)
        throw GifError(std::string("a frame of ")
                           .append(std::to_string(frame.width()))
                           .append(" x ")
                           .append(std::to_string(frame.height()))
                           .append(" pixels does not fit the animation's ")
                           .append(std::to_string(size_.width()))
                           .append(" x ")
                           .append(std::to_string(size_.height())));
    GraphicsControlBlock control{};
    control.DisposalMode = DISPOSE_DO_NOT;  // each frame covers the one before it whole
    control.DelayTime = (delayMs + 5) / 10;
    control.TransparentColor = NO_TRANSPARENT_COLOR;
    GifByteType extension[4];
    const size_t length = EGifGCBToExtension(&control, extension);
    check(EGifPutExtension(gif_, GRAPHICS_EXT_FUNC_CODE, static_cast<int>(length), extension),
          "write a frame's delay");

    PalettedPicture picture = toPalette(frame);
    const auto colourMap = colourMapOf(picture.palette);
    if (!colourMap) throw GifError("giflib could not make a frame's colour table");
    check(EGifPutImageDesc(gif_, 0, 0, size_.width(), size_.height(), false, colourMap.get()),
          "write a frame");
    for (int y = 0; y < size_.height(); ++y)
        check(EGifPutLine(gif_, picture.indices.data() + static_cast<size_t>(y) * size_.width(),
                          size_.width()),
              "write a frame");
    ++frames_;
}

QByteArray GifAnimation::finish() {
    if (!gif_) throw GifError("the animation is finished already");
    int error = 0;
    const int result = EGifCloseFile(gif_, &error);  // writes the trailer and frees gif_
    gif_ = nullptr;
    if (result != GIF_OK)
        throw GifError("giflib could not end the animation: " + giflibSays(error));
    return bytes_;
}

}  // namespace koto::gui
