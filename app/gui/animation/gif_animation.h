#pragma once
// An animated GIF, made in memory frame by frame with giflib (Debian's libgif), for slides: every
// frame is whole, in its own palette of up to 256 colours (animation/colour_palette.h), and shows
// for its own time; the animation loops for ever (the NETSCAPE2.0 application extension that
// browsers and presentation programs read). The caller writes bytes() through io/atomic_file.h,
// so that a failure leaves no half file under the name asked for.

#include <QByteArray>
#include <QSize>
#include <stdexcept>

class QImage;
struct GifFileType;

namespace koto::gui {

// giflib refused to encode: what it was doing, in giflib's words (GifErrorString).
class GifError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class GifAnimation {
public:
    // An animation whose frames are `size` pixels. Throws GifError.
    explicit GifAnimation(QSize size);
    ~GifAnimation();
    GifAnimation(const GifAnimation&) = delete;
    GifAnimation& operator=(const GifAnimation&) = delete;

    // Adds a frame of the animation's size (GifError for another size), shown for `delayMs`
    // (a GIF counts hundredths of a second). Throws GifError.
    void addFrame(const QImage& frame, int delayMs);
    int frameCount() const { return frames_; }
    // Ends the animation: the file's bytes. No frame may be added after. Throws GifError.
    QByteArray finish();

private:
    // giflib's output function: appends to the animation's bytes.
    static int append(GifFileType* gif, const unsigned char* data, int length);
    // Throws GifError saying what failed, unless giflib's result is GIF_OK.
    void check(int result, const char* doing) const;

    QSize size_;
    GifFileType* gif_ = nullptr;  // null once finished
    QByteArray bytes_;
    int frames_ = 0;
};

}  // namespace koto::gui
