#pragma once
// Where one element of a convolution or pooling stage of a traced step comes from (part 12 of
// the curriculum), as the terms of its sum with the trace's own numbers, so that the inspector
// can write it out and highlight the input patch and the filter:
//   a[n,f,oy,ox]      = b[f] + Σ_{c,ky,kx} W[f,c,ky,kx] X[n,c, oy·S−P+ky, ox·S−P+kx]
//   dJ/dW[f,c,ky,kx]  = Σ_{n,oy,ox} dJ/da[n,f,oy,ox] X[n,c, oy·S−P+ky, ox·S−P+kx]
//   dJ/db[f]          = Σ_{n,oy,ox} dJ/da[n,f,oy,ox]
//   dJ/dX[n,c,y,x]    = Σ over every filter f and window (oy,ox) that covered (y,x) of
//                       dJ/da[n,f,oy,ox] W[f,c, y−oy·S+P, x−ox·S+P]
//   pooling:  Z[n,c,oy,ox] = max or mean of X over the window;
//             dJ/dX[n,c,y,x] = dJ/dZ of the window that holds (y,x), times 1 for the input that
//             won (max), 0 for the others, or 1/K² (average); 0 outside every window.
// Only the index bookkeeping is done here: every factor is read from the trace (the weights as
// they were before the update, the max pool's winners as the forward pass marked them), never
// computed again. Terms whose input lies in the zero padding add nothing and are left out.
// Indices count from 0; images are channels-first, one sample a row of C*H*W values.

#include <cstdint>
#include <optional>
#include <vector>

#include "backend/image_windows.h"
#include "inspect/step_trace.h"

namespace koto {

// A pixel of one sample's image: channel, row, column.
struct ImagePoint {
    int64_t channel = 0, y = 0, x = 0;
    bool operator==(const ImagePoint&) const = default;
};

// The geometry of a conv or pooling layer of a traced step, from its spec.
struct ImageLayerGeometry {
    bool convolution = false;
    ImageWindows windows;        // the input's C x H x W and the kernel, stride and padding
    int64_t outputChannels = 0;  // F for a convolution, C for pooling

    int64_t inputColumn(const ImagePoint& p) const {
        return (p.channel * windows.height + p.y) * windows.width + p.x;
    }
    int64_t outputColumn(const ImagePoint& p) const {
        return (p.channel * windows.outputHeight() + p.y) * windows.outputWidth() + p.x;
    }
    ImagePoint inputPoint(int64_t column) const;
    ImagePoint outputPoint(int64_t column) const;
    // A filter weight's column in W (F x C*K*K) and back.
    int64_t weightColumn(int64_t channel, int64_t ky, int64_t kx) const {
        return (channel * windows.kernel + ky) * windows.kernel + kx;
    }
};

// Nothing unless layer `layer` of the trace's network is a conv or pooling layer.
std::optional<ImageLayerGeometry> imageGeometry(const StepTrace& trace, int layer);

// One product of a sum: the two factors as the trace holds them, and where they sit.
struct WindowTerm {
    int64_t sample = 0;      // n
    int64_t filter = 0;      // f (for pooling: the channel c)
    int64_t channel = 0;     // c, the input channel
    int64_t oy = 0, ox = 0;  // the window, i.e. the output pixel
    int64_t ky = 0, kx = 0;  // the position in the kernel
    int64_t y = 0, x = 0;    // the input pixel, oy·S − P + ky and ox·S − P + kx
    double first = 0, second = 0;
};

struct WindowSum {
    double constant = 0;  // b[f] for a conv's a; 0 otherwise
    std::vector<WindowTerm> terms;
    // constant + Σ first·second, in double: what the written-out working adds up to.
    double total() const;
};

// Convolution. Each throws InputError if the layer is not a traced conv layer, the stage it
// reads was not recorded (dJ/dX of the first layer) or an index is out of range.
WindowSum convolutionSum(const StepTrace& trace, int layer, int64_t n, int64_t f, int64_t oy,
                         int64_t ox);
WindowSum weightGradientSum(const StepTrace& trace, int layer, int64_t f, int64_t c, int64_t ky,
                            int64_t kx);
WindowSum biasGradientSum(const StepTrace& trace, int layer, int64_t f);
WindowSum convolutionInputGradientSum(const StepTrace& trace, int layer, int64_t n, int64_t c,
                                      int64_t y, int64_t x);

// Pooling: the window's inputs (first: X, second: 1 for max pooling's winner and 0 for the
// others, 1/K² for average pooling; the sum is the output) and the index of the winner (-1 for
// average pooling).
struct PoolingWindow {
    WindowSum inputs;
    int winner = -1;
};
PoolingWindow poolingWindow(const StepTrace& trace, int layer, int64_t n, int64_t c, int64_t oy,
                            int64_t ox);
// dJ/dX[n,c,y,x]: at most one term (first: dJ/dZ of its window, second: its share).
WindowSum poolingInputGradientSum(const StepTrace& trace, int layer, int64_t n, int64_t c,
                                  int64_t y, int64_t x);

}  // namespace koto
