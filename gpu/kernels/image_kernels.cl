// ---- convolution and pooling (part 12) -----------------------------------------------------------
// Appended to backend_kernels.cl (gpu/CMakeLists.txt), whose REAL and write_group_sum these use;
// the host side is gpu/opencl_image_ops.cpp.
//
// Images are channels-first rows of C*H*W values; K x K windows move by `stride` over the image
// padded with `padding` zeros (core/backend/image_windows.h).
//
// A convolution is computed as matrix products, which CLBlast's GEMM does fast on any device; the
// kernels below only move values into and out of the products' layout. For a pass over the
// images first_image ... first_image + m - 1 (the host splits very large batches into passes):
//   columns (m*OH*OW x C*K*K): row (n - first_image)*OH*OW + oy*OW + ox holds the values under
//     window (oy, ox) of image n, in W's column order c*K*K + ky*K + kx (im2col);
//   pixels (m*OH*OW x F): one row per window, one column per filter ("pixel-major"), where a
//     keeps the filters of one image together (channels-first, n x F x OH x OW).
// Forward pixels = columns W^T; dJ/dW = pixels^T columns with pixels = dJ/da; dJ/dX from
// columns = pixels W, each image value summing the entries im2col would have copied it to.

// im2col: one work-item per entry of columns.
kernel void im2col(global const REAL* images, global REAL* columns, int count, int first_image, int channels,
                   int height, int width, int kernel_size, int stride, int padding, int out_height, int out_width) {
    const int i = get_global_id(0);
    if (i >= count) return;
    const int patch = channels * kernel_size * kernel_size;
    const int row = i / patch, column = i % patch;
    const int image = first_image + row / (out_height * out_width), pixel = row % (out_height * out_width);
    const int oy = pixel / out_width, ox = pixel % out_width;
    const int c = column / (kernel_size * kernel_size), k = column % (kernel_size * kernel_size);
    const int y = oy * stride - padding + k / kernel_size, x = ox * stride - padding + k % kernel_size;
    const bool inside = y >= 0 && y < height && x >= 0 && x < width;
    columns[i] = inside ? images[((image * channels + c) * height + y) * width + x] : (REAL)0;
}

// col2im as a gather: one work-item per image value, summing the columns entries im2col copies
// it to, those of the kernel offsets (ky, kx) whose window oy = (y + P - ky) / S is whole and in
// range (likewise ox). Each value is written once, by its own work-item: no atomics.
kernel void col2im(global const REAL* columns, global REAL* images, int count, int first_image, int channels,
                   int height, int width, int kernel_size, int stride, int padding, int out_height, int out_width) {
    const int i = get_global_id(0);
    if (i >= count) return;
    const int x = i % width, y = (i / width) % height, c = (i / (width * height)) % channels;
    const int image = i / (width * height * channels);  // within the pass
    const int patch = channels * kernel_size * kernel_size;
    REAL sum = 0;
    for (int ky = 0; ky < kernel_size; ++ky) {
        const int sy = y + padding - ky;
        if (sy < 0 || sy % stride != 0 || sy / stride >= out_height) continue;
        for (int kx = 0; kx < kernel_size; ++kx) {
            const int sx = x + padding - kx;
            if (sx < 0 || sx % stride != 0 || sx / stride >= out_width) continue;
            const int row = (image * out_height + sy / stride) * out_width + sx / stride;
            sum += columns[row * patch + (c * kernel_size + ky) * kernel_size + kx];
        }
    }
    images[first_image * channels * height * width + i] = sum;
}

// a[n, f, p] = pixels[(n - first_image)*OH*OW + p, f] + b[f]: the forward product into a's
// channels-first layout with the bias added, one work-item per value of a.
kernel void pixels_to_channels(global const REAL* pixels, global const REAL* bias, global REAL* out, int count,
                               int first_image, int filters, int window_count) {
    const int i = get_global_id(0);
    if (i >= count) return;
    const int p = i % window_count, f = (i / window_count) % filters, image = i / (window_count * filters);
    out[first_image * filters * window_count + i] = pixels[(image * window_count + p) * filters + f] + bias[f];
}

// pixels[(n - first_image)*OH*OW + p, f] = dJ/da[n, f, p]: dJ/da into the products' layout, one
// work-item per entry of pixels.
kernel void channels_to_pixels(global const REAL* gradient, global REAL* pixels, int count, int first_image,
                               int filters, int window_count) {
    const int i = get_global_id(0);
    if (i >= count) return;
    const int f = i % filters, p = (i / filters) % window_count, image = first_image + i / (filters * window_count);
    pixels[i] = gradient[(image * filters + f) * window_count + p];
}

// dJ/db[f] = sum_{n, p} dJ/da[n, f, p]: one work-group per filter, its work-items striding over
// the filter's N*OH*OW values (neighbouring items read neighbouring values) and summing them in
// local memory; the group's sum lands in db[f].
kernel void convolution_bias_gradient(global const REAL* da, global REAL* db, int image_count, int filters,
                                      int window_count, local REAL* scratch) {
    const int f = get_group_id(0);
    REAL sum = 0;
    for (int j = get_local_id(0); j < image_count * window_count; j += get_local_size(0))
        sum += da[(j / window_count * filters + f) * window_count + j % window_count];
    write_group_sum(sum, db, scratch);
}

// Where window o of max pooling (an index into the pooled output) takes its first maximum: the
// index of that input value.
int window_winner(global const REAL* in, int o, int height, int width, int kernel_size, int out_height,
                  int out_width) {
    const int ox = o % out_width, oy = (o / out_width) % out_height, plane = o / (out_width * out_height);
    const int corner = (plane * height + oy * kernel_size) * width + ox * kernel_size;
    int best = corner;
    for (int ky = 0; ky < kernel_size; ++ky)
        for (int kx = 0; kx < kernel_size; ++kx) {
            const int at = corner + ky * width + kx;
            if (in[at] > in[best]) best = at;
        }
    return best;
}

// The output value whose window holds input value i, or -1 where no window reaches.
int pooled_index(int i, int height, int width, int kernel_size, int out_height, int out_width) {
    const int x = i % width, y = (i / width) % height, plane = i / (width * height);
    const int oy = y / kernel_size, ox = x / kernel_size;
    return oy < out_height && ox < out_width ? (plane * out_height + oy) * out_width + ox : -1;
}

// Max pooling, one work-item per output value.
kernel void max_pool_forward(global const REAL* in, global REAL* out, int count, int height, int width,
                             int kernel_size, int out_height, int out_width) {
    const int i = get_global_id(0);
    if (i >= count) return;
    out[i] = in[window_winner(in, i, height, width, kernel_size, out_height, out_width)];
}

// One work-item per input value: its window's dJ/dY if it is the window's winner (found again from
// the input), else 0.
kernel void max_pool_backward(global const REAL* in, global const REAL* dy, global REAL* dx, int count, int height,
                              int width, int kernel_size, int out_height, int out_width) {
    const int i = get_global_id(0);
    if (i >= count) return;
    const int o = pooled_index(i, height, width, kernel_size, out_height, out_width);
    dx[i] = o >= 0 && window_winner(in, o, height, width, kernel_size, out_height, out_width) == i ? dy[o]
                                                                                                 : (REAL)0;
}

kernel void average_pool_forward(global const REAL* in, global REAL* out, int count, int height, int width,
                                 int kernel_size, int out_height, int out_width) {
    const int i = get_global_id(0);
    if (i >= count) return;
    const int ox = i % out_width, oy = (i / out_width) % out_height, plane = i / (out_width * out_height);
    REAL sum = 0;
    for (int ky = 0; ky < kernel_size; ++ky)
        for (int kx = 0; kx < kernel_size; ++kx)
            sum += in[(plane * height + oy * kernel_size + ky) * width + ox * kernel_size + kx];
    out[i] = sum * ((REAL)1 / (REAL)(kernel_size * kernel_size));
}

kernel void average_pool_backward(global const REAL* dy, global REAL* dx, int count, int height, int width,
                                  int kernel_size, int out_height, int out_width) {
    const int i = get_global_id(0);
    if (i >= count) return;
    const int o = pooled_index(i, height, width, kernel_size, out_height, out_width);
    dx[i] = o < 0 ? (REAL)0 : dy[o] * ((REAL)1 / (REAL)(kernel_size * kernel_size));
}
