// The OpenCL C kernels of the OpenCL backend: every Backend operation except GEMM, which CLBlast
// computes, in this file and the three that gpu/CMakeLists.txt appends to it (image_kernels.cl,
// sampling_kernels.cl, recurrent_kernels.cl), which use what this one defines: REAL, the helpers,
// the random numbers. Each kernel does what the function of the same job in
// core/backend/cpu_backend.cpp does, formula for formula, so that the two backends give the same
// numbers (within rounding).
//
// The file is compiled once per precision: REAL, the element type of the tensors, is float, or
// double when the program is built with -DKOTO_DOUBLE. Random numbers and noise are computed in
// float for both, as the CPU backend does. Sizes and indices are int: the host checks that a
// tensor has fewer than 2^31 elements.
//
// Two shapes of kernel:
// - one work-item per element (or row, or block), `if (i >= count) return;` for the work-items
//   past the end, since the host rounds the work up to whole work-groups;
// - reductions (losses, sums, the optimizers' finiteness checks): a fixed number of work-groups
//   whose items stride over the elements, each group summing its items' values in local memory
//   into one partial sum; the host adds the partials.

#ifdef KOTO_DOUBLE
#pragma OPENCL EXTENSION cl_khr_fp64 : enable
typedef double REAL;
#define REAL_MAX DBL_MAX
#else
typedef float REAL;
#define REAL_MAX FLT_MAX
#endif

// ---- helpers -------------------------------------------------------------------------------

// The sum of every work-item's value in this work-group (a power of two in size), in
// scratch[0]; work-item 0 writes it to partials[group].
void write_group_sum(REAL value, global REAL* partials, local REAL* scratch) {
    const int lid = get_local_id(0);
    scratch[lid] = value;
    barrier(CLK_LOCAL_MEM_FENCE);
    for (int stride = get_local_size(0) / 2; stride > 0; stride /= 2) {
        if (lid < stride) scratch[lid] += scratch[lid + stride];
        barrier(CLK_LOCAL_MEM_FENCE);
    }
    if (lid == 0) partials[get_group_id(0)] = scratch[0];
}

// 1 when x is NaN or +-Inf, else 0: an optimizer check sums these and wants 0.
REAL not_finite(REAL x) { return fabs(x) <= REAL_MAX ? (REAL)0 : (REAL)1; }

// ---- element by element --------------------------------------------------------------------

// A[n, :] += v for every row n.
kernel void add_row_vector(global REAL* matrix, global const REAL* vector, int count, int cols) {
    const int i = get_global_id(0);
    if (i >= count) return;
    matrix[i] += vector[i % cols];
}

// out[j] = sum_n A[n, j], one work-item per column.
kernel void column_sums(global const REAL* matrix, global REAL* out, int rows, int cols) {
    const int j = get_global_id(0);
    if (j >= cols) return;
    REAL sum = 0;
    for (int n = 0; n < rows; ++n) sum += matrix[n * cols + j];
    out[j] = sum;
}

kernel void sigmoid_forward(global const REAL* a, global REAL* z, int count) {
    const int i = get_global_id(0);
    if (i >= count) return;
    z[i] = (REAL)1 / ((REAL)1 + exp(-a[i]));
}

kernel void tanh_forward(global const REAL* a, global REAL* z, int count) {
    const int i = get_global_id(0);
    if (i >= count) return;
    z[i] = tanh(a[i]);
}

kernel void relu_forward(global const REAL* a, global REAL* z, int count) {
    const int i = get_global_id(0);
    if (i >= count) return;
    z[i] = a[i] > (REAL)0 ? a[i] : (REAL)0;
}

// Softmax row by row, with the row maximum subtracted so that exp cannot overflow.
kernel void softmax_rows(global const REAL* a, global REAL* z, int rows, int cols) {
    const int n = get_global_id(0);
    if (n >= rows) return;
    global const REAL* in = a + n * cols;
    global REAL* out = z + n * cols;
    REAL maximum = in[0];
    for (int k = 1; k < cols; ++k) maximum = fmax(maximum, in[k]);
    REAL sum = 0;
    for (int k = 0; k < cols; ++k) {
        out[k] = exp(in[k] - maximum);
        sum += out[k];
    }
    for (int k = 0; k < cols; ++k) out[k] /= sum;
}

// dA = dZ * s'(a), with s' written from the output Z: Z(1 - Z), 1 - Z^2, u(Z).
kernel void sigmoid_backward(global const REAL* z, global const REAL* dz, global REAL* da, int count) {
    const int i = get_global_id(0);
    if (i >= count) return;
    da[i] = dz[i] * z[i] * ((REAL)1 - z[i]);
}

kernel void tanh_backward(global const REAL* z, global const REAL* dz, global REAL* da, int count) {
    const int i = get_global_id(0);
    if (i >= count) return;
    da[i] = dz[i] * ((REAL)1 - z[i] * z[i]);
}

kernel void relu_backward(global const REAL* z, global const REAL* dz, global REAL* da, int count) {
    const int i = get_global_id(0);
    if (i >= count) return;
    da[i] = z[i] > (REAL)0 ? dz[i] : (REAL)0;
}

kernel void multiply(global const REAL* a, global const REAL* b, global REAL* out, int count) {
    const int i = get_global_id(0);
    if (i >= count) return;
    out[i] = a[i] * b[i];
}

kernel void add(global const REAL* a, global const REAL* b, global REAL* out, int count) {
    const int i = get_global_id(0);
    if (i >= count) return;
    out[i] = a[i] + b[i];
}

// y += alpha * x
kernel void add_scaled(REAL alpha, global const REAL* x, global REAL* y, int count) {
    const int i = get_global_id(0);
    if (i >= count) return;
    y[i] += alpha * x[i];
}

// w = sign(w) max(|w| - amount, 0): L1's step, which stops at zero instead of crossing it.
kernel void shrink_toward_zero(REAL amount, global REAL* w, int count) {
    const int i = get_global_id(0);
    if (i >= count) return;
    const REAL v = w[i];
    w[i] = v > amount ? v - amount : (v < -amount ? v + amount : (REAL)0);
}

// ---- losses: gradients element by element, the cost as partial sums ----------------------

// Softmax with cross-entropy, one row per work-item: Y = softmax(L), dL = (Y - T) / N, and the
// row's -sum_k T[k] (L[k] - logsumexp(L)) into the partial sums (classes with T[k] = 0 skipped,
// so that 0 * log 0 counts as 0).
kernel void softmax_cross_entropy(global const REAL* logits, global const REAL* targets, global REAL* y,
                                  global REAL* dlogits, int rows, int cols, global REAL* partials,
                                  local REAL* scratch) {
    REAL cost = 0;
    for (int n = get_global_id(0); n < rows; n += get_global_size(0)) {
        global const REAL* l = logits + n * cols;
        global const REAL* t = targets + n * cols;
        global REAL* p = y + n * cols;
        global REAL* d = dlogits + n * cols;
        REAL maximum = l[0];
        for (int k = 1; k < cols; ++k) maximum = fmax(maximum, l[k]);
        REAL sum = 0;
        for (int k = 0; k < cols; ++k) {
            p[k] = exp(l[k] - maximum);
            sum += p[k];
        }
        const REAL logSum = log(sum) + maximum;
        REAL rowCost = 0;
        for (int k = 0; k < cols; ++k) {
            p[k] /= sum;
            d[k] = (p[k] - t[k]) / (REAL)rows;
            if (t[k] != (REAL)0) rowCost += t[k] * (l[k] - logSum);
        }
        cost -= rowCost;
    }
    write_group_sum(cost, partials, scratch);
}

// Sigmoid with binary cross-entropy on one logit per row: p = sigmoid(l), dl = (p - t) / N, and
// max(l, 0) - l t + log(1 + exp(-|l|)) into the partial sums.
kernel void sigmoid_binary_cross_entropy(global const REAL* logits, global const REAL* targets, global REAL* y,
                                         global REAL* dlogits, int count, int rows, global REAL* partials,
                                         local REAL* scratch) {
    REAL cost = 0;
    for (int i = get_global_id(0); i < count; i += get_global_size(0)) {
        const REAL l = logits[i], t = targets[i];
        y[i] = (REAL)1 / ((REAL)1 + exp(-l));
        dlogits[i] = (y[i] - t) / (REAL)rows;
        cost += fmax(l, (REAL)0) - l * t + log((REAL)1 + exp(-fabs(l)));
    }
    write_group_sum(cost, partials, scratch);
}

// dY = 2 (Y - T) / N, and (Y - T)^2 into the partial sums.
kernel void mean_squared_error(global const REAL* outputs, global const REAL* targets, global REAL* doutputs,
                               int count, int rows, global REAL* partials, local REAL* scratch) {
    REAL cost = 0;
    const REAL scale = (REAL)2 / (REAL)rows;
    for (int i = get_global_id(0); i < count; i += get_global_size(0)) {
        const REAL difference = outputs[i] - targets[i];
        doutputs[i] = difference * scale;
        cost += difference * difference;
    }
    write_group_sum(cost, partials, scratch);
}

// ---- sums and checks -------------------------------------------------------------------------

kernel void sum_of_absolutes(global const REAL* x, int count, global REAL* partials, local REAL* scratch) {
    REAL sum = 0;
    for (int i = get_global_id(0); i < count; i += get_global_size(0)) sum += fabs(x[i]);
    write_group_sum(sum, partials, scratch);
}

kernel void sum_of_squares(global const REAL* x, int count, global REAL* partials, local REAL* scratch) {
    REAL sum = 0;
    for (int i = get_global_id(0); i < count; i += get_global_size(0)) sum += x[i] * x[i];
    write_group_sum(sum, partials, scratch);
}

// How many y + alpha x are NaN or infinite (0 when the update may be applied).
kernel void count_not_finite_sums(REAL alpha, global const REAL* x, global const REAL* y, int count,
                                  global REAL* partials, local REAL* scratch) {
    REAL bad = 0;
    for (int i = get_global_id(0); i < count; i += get_global_size(0)) bad += not_finite(y[i] + alpha * x[i]);
    write_group_sum(bad, partials, scratch);
}

// ---- optimizers: each as a step function shared by its check (a count of weights that would
// stop being finite, changing nothing) and its apply (state and weights updated in place) ------

// Momentum: v = mu v - lr g; the weight moves by v, or by mu v - lr g for Nesterov.
REAL momentum_step(REAL g, REAL v, REAL lr, REAL mu, int nesterov, REAL* newVelocity) {
    *newVelocity = mu * v - lr * g;
    return nesterov ? mu * *newVelocity - lr * g : *newVelocity;
}

kernel void momentum_check(REAL lr, REAL mu, int nesterov, global const REAL* g, global const REAL* v,
                           global const REAL* w, int count, global REAL* partials, local REAL* scratch) {
    REAL bad = 0;
    for (int i = get_global_id(0); i < count; i += get_global_size(0)) {
        REAL velocity;
        bad += not_finite(w[i] + momentum_step(g[i], v[i], lr, mu, nesterov, &velocity));
    }
    write_group_sum(bad, partials, scratch);
}

kernel void momentum_apply(REAL lr, REAL mu, int nesterov, global const REAL* g, global REAL* v, global REAL* w,
                           int count) {
    const int i = get_global_id(0);
    if (i >= count) return;
    REAL velocity;
    w[i] += momentum_step(g[i], v[i], lr, mu, nesterov, &velocity);
    v[i] = velocity;
}

// AdaGrad: cache += g^2; the weight moves by -lr g / (sqrt(cache) + eps).
REAL adagrad_step(REAL g, REAL c, REAL lr, REAL eps, REAL* newCache) {
    *newCache = c + g * g;
    return -lr * g / (sqrt(*newCache) + eps);
}

kernel void adagrad_check(REAL lr, REAL eps, global const REAL* g, global const REAL* c, global const REAL* w,
                          int count, global REAL* partials, local REAL* scratch) {
    REAL bad = 0;
    for (int i = get_global_id(0); i < count; i += get_global_size(0)) {
        REAL cache;
        bad += not_finite(w[i] + adagrad_step(g[i], c[i], lr, eps, &cache));
    }
    write_group_sum(bad, partials, scratch);
}

kernel void adagrad_apply(REAL lr, REAL eps, global const REAL* g, global REAL* c, global REAL* w, int count) {
    const int i = get_global_id(0);
    if (i >= count) return;
    REAL cache;
    w[i] += adagrad_step(g[i], c[i], lr, eps, &cache);
    c[i] = cache;
}

// RMSprop: cache = decay cache + (1 - decay) g^2; v = mu v - lr g / (sqrt(cache) + eps); the
// weight moves by v.
REAL rmsprop_step(REAL g, REAL c, REAL v, REAL lr, REAL rho, REAL mu, REAL eps, REAL* newCache,
                  REAL* newVelocity) {
    *newCache = rho * c + ((REAL)1 - rho) * g * g;
    *newVelocity = mu * v - lr * g / (sqrt(*newCache) + eps);
    return *newVelocity;
}

kernel void rmsprop_check(REAL lr, REAL rho, REAL mu, REAL eps, global const REAL* g, global const REAL* c,
                          global const REAL* v, global const REAL* w, int count, global REAL* partials,
                          local REAL* scratch) {
    REAL bad = 0;
    for (int i = get_global_id(0); i < count; i += get_global_size(0)) {
        REAL cache, velocity;
        bad += not_finite(w[i] + rmsprop_step(g[i], c[i], v[i], lr, rho, mu, eps, &cache, &velocity));
    }
    write_group_sum(bad, partials, scratch);
}

kernel void rmsprop_apply(REAL lr, REAL rho, REAL mu, REAL eps, global const REAL* g, global REAL* c,
                          global REAL* v, global REAL* w, int count) {
    const int i = get_global_id(0);
    if (i >= count) return;
    REAL cache, velocity;
    w[i] += rmsprop_step(g[i], c[i], v[i], lr, rho, mu, eps, &cache, &velocity);
    c[i] = cache;
    v[i] = velocity;
}

// Adam: m = b1 m + (1 - b1) g; v = b2 v + (1 - b2) g^2; the weight moves by
// -lr (m / correction1) / (sqrt(v / correction2) + eps), the corrections 1 - b^t from the host.
REAL adam_step(REAL g, REAL m, REAL v, REAL lr, REAL b1, REAL b2, REAL eps, REAL correction1, REAL correction2,
               REAL* newFirst, REAL* newSecond) {
    *newFirst = b1 * m + ((REAL)1 - b1) * g;
    *newSecond = b2 * v + ((REAL)1 - b2) * g * g;
    return -lr * (*newFirst / correction1) / (sqrt(*newSecond / correction2) + eps);
}

kernel void adam_check(REAL lr, REAL b1, REAL b2, REAL eps, REAL correction1, REAL correction2,
                       global const REAL* g, global const REAL* m, global const REAL* v, global const REAL* w,
                       int count, global REAL* partials, local REAL* scratch) {
    REAL bad = 0;
    for (int i = get_global_id(0); i < count; i += get_global_size(0)) {
        REAL first, second;
        bad += not_finite(w[i] + adam_step(g[i], m[i], v[i], lr, b1, b2, eps, correction1, correction2, &first,
                                           &second));
    }
    write_group_sum(bad, partials, scratch);
}

kernel void adam_apply(REAL lr, REAL b1, REAL b2, REAL eps, REAL correction1, REAL correction2,
                       global const REAL* g, global REAL* m, global REAL* v, global REAL* w, int count) {
    const int i = get_global_id(0);
    if (i >= count) return;
    REAL first, second;
    w[i] += adam_step(g[i], m[i], v[i], lr, b1, b2, eps, correction1, correction2, &first, &second);
    m[i] = first;
    v[i] = second;
}

// ---- randomness: Philox4x32-10, as core/util/philox.h computes it ---------------------------

uint4 philox4x32(uint4 counter, uint2 key) {
    for (int round = 0; round < 10; ++round) {
        const uint high0 = mul_hi(0xD2511F53u, counter.x), low0 = 0xD2511F53u * counter.x;
        const uint high1 = mul_hi(0xCD9E8D57u, counter.z), low1 = 0xCD9E8D57u * counter.z;
        counter = (uint4)(high1 ^ counter.y ^ key.x, low1, high0 ^ counter.w ^ key.y, low0);
        key += (uint2)(0x9E3779B9u, 0xBB67AE85u);
    }
    return counter;
}

// RandomStream::block: four 32-bit numbers for elements 4 index .. 4 index + 3.
uint4 random_block(ulong seed, ulong step, uint layer, ulong index) {
    return philox4x32((uint4)((uint)index, (uint)(index >> 32) ^ (layer << 16), (uint)step, (uint)(step >> 32)),
                      (uint2)((uint)seed, (uint)(seed >> 32)));
}

// A uniform in [0, 1) with 24 bits, exact in float.
float uniform_from(uint bits) { return (float)(bits >> 8) * 5.9604644775390625e-8f; /* 2^-24 */ }

// Dropout's mask, one block of four elements per work-item: `kept` (1 / keep) where the
// element's uniform is below keep, else 0.
kernel void dropout_mask(global REAL* mask, int count, ulong seed, ulong step, uint layer, float keep, REAL kept) {
    const int block = get_global_id(0);
    if (block * 4 >= count) return;
    const uint4 bits = random_block(seed, step, layer, (ulong)block);
    const uint values[4] = {bits.x, bits.y, bits.z, bits.w};
    for (int j = 0; j < 4 && block * 4 + j < count; ++j)
        mask[block * 4 + j] = uniform_from(values[j]) < keep ? kept : (REAL)0;
}

// Box-Muller as core/util/box_muller.cpp computes it, step for step and constant for constant,
// from + - * only and without fused multiply-adds, so that the noise has the CPU's very bits
// (built-in log, sqrt, cos and sin differ from the C library's in the last bit).
#pragma OPENCL FP_CONTRACT OFF

// ln x = e ln 2 + ln(1 + s), x = (1 + s) 2^e with 1 + s in [sqrt(1/2), sqrt(2)).
float natural_log(float x) {
    const uint bits = as_uint(x);
    int exponent = (int)(bits >> 23) - 127;
    float m = as_float((bits & 0x007FFFFFu) | 0x3F800000u);
    if (m > 1.41421356f) {
        m = m * 0.5f;
        exponent = exponent + 1;
    }
    const float s = m - 1.0f;
    float p = 0.0853331313f;
    p = p * s + -0.142692581f;
    p = p * s + 0.149774015f;
    p = p * s + -0.165779933f;
    p = p * s + 0.199559331f;
    p = p * s + -0.25001353f;
    p = p * s + 0.333341926f;
    p = p * s + -0.49999997f;
    p = p * s + 1.0f;
    return (float)exponent * 0.693147182f + s * p;
}

// sqrt x = x (1/sqrt x), 1/sqrt x by three Newton steps from a guess read from x's bits.
float square_root(float x) {
    if (x == 0.0f) return 0.0f;
    float y = as_float(0x5F3759DFu - (as_uint(x) >> 1));
    const float half_x = 0.5f * x;
    for (int step = 0; step < 3; ++step) y = y * (1.5f - half_x * y * y);
    return x * y;
}

// (cos 2 pi u, sin 2 pi u) for u in [0, 1): quarter turns exactly, then Taylor series within 45
// degrees.
float2 cosine_and_sine(float u) {
    const int quarter = (int)(u * 4.0f);
    const float r = u - (float)quarter * 0.25f;
    const bool complement = r > 0.125f;
    const float t = complement ? 0.25f - r : r;
    const float z = t * t;
    float sine = 42.0586929f;
    sine = sine * z + -76.7058563f;
    sine = sine * z + 81.6052475f;
    sine = sine * z + -41.3417015f;
    sine = sine * z + 6.28318548f;
    sine = t * sine;
    float cosine = -26.4262562f;
    cosine = cosine * z + 60.2446404f;
    cosine = cosine * z + -85.4568176f;
    cosine = cosine * z + 64.9393921f;
    cosine = cosine * z + -19.7392082f;
    cosine = cosine * z + 1.0f;
    const float c = complement ? sine : cosine, s = complement ? cosine : sine;
    switch (quarter) {
    case 0: return (float2)(c, s);
    case 1: return (float2)(-s, c);
    case 2: return (float2)(-c, -s);
    default: return (float2)(s, -c);
    }
}

float2 box_muller(uint radiusBits, uint angleBits, float deviation) {
    // u1 in (0, 1] so that its log is finite.
    const float u1 = 1.0f - uniform_from(radiusBits);
    const float u2 = uniform_from(angleBits);
    const float radius = deviation * square_root(-2.0f * natural_log(u1));
    const float2 turn = cosine_and_sine(u2);
    return (float2)(radius * turn.x, radius * turn.y);
}

#pragma OPENCL FP_CONTRACT ON

// Gaussian noise, one block of four elements (two Box-Muller pairs) per work-item.
kernel void gaussian_noise(global REAL* noise, int count, ulong seed, ulong step, uint layer, float sigma) {
    const int block = get_global_id(0);
    if (block * 4 >= count) return;
    const uint4 bits = random_block(seed, step, layer, (ulong)block);
    const float2 first = box_muller(bits.x, bits.y, sigma), second = box_muller(bits.z, bits.w, sigma);
    const float values[4] = {first.x, first.y, second.x, second.y};
    for (int j = 0; j < 4 && block * 4 + j < count; ++j) noise[block * 4 + j] = (REAL)values[j];
}

// ---- rows and images -------------------------------------------------------------------------

// destination row i = source row rows[first + i] (an epoch's order is held on the device and
// each batch reads its slice of it); one work-item per destination element.
kernel void gather_rows(global const REAL* source, global const int* rows, int first,
                        global REAL* destination, int count, int cols) {
    const int i = get_global_id(0);
    if (i >= count) return;
    destination[i] = source[rows[first + i / cols] * cols + i % cols];
}

// The same for byte tensors (UInt8), as they are.
kernel void gather_rows_bytes(global const uchar* source, global const int* rows, int first,
                              global uchar* destination, int count, int cols) {
    const int i = get_global_id(0);
    if (i >= count) return;
    destination[i] = source[rows[first + i / cols] * cols + i % cols];
}

// The same from bytes into REAL, each times scale (images: 1/255).
kernel void gather_rows_scaled(global const uchar* source, global const int* rows, int first,
                               REAL scale, global REAL* destination, int count, int cols) {
    const int i = get_global_id(0);
    if (i >= count) return;
    destination[i] = (REAL)source[rows[first + i / cols] * cols + i % cols] * scale;
}

// Data augmentation (core/backend/image_transform.h), one work-item per output pixel. Each image
// has 7 numbers from the host: cos and sin of its turn, its shift x and y, mirror (0 or 1),
// brightness and contrast.
kernel void augment_images(global const REAL* images, global const REAL* transforms, global REAL* out, int count,
                           int width, int height) {
    const int i = get_global_id(0);
    if (i >= count) return;
    const int pixels = width * height;
    const int n = i / pixels, x = i % pixels % width, y = i % pixels / width;
    global const REAL* t = transforms + 7 * n;
    const REAL cosine = t[0], sine = t[1], shiftX = t[2], shiftY = t[3], brightness = t[5], contrast = t[6];
    const bool mirror = t[4] != (REAL)0;
    global const REAL* in = images + n * pixels;
    const REAL centreX = (REAL)(width - 1) / 2, centreY = (REAL)(height - 1) / 2;
    // Where this output pixel came from: undo the shift, the turn, the mirror.
    const REAL u = (REAL)x - centreX - shiftX;
    const REAL v = (REAL)y - centreY - shiftY;
    REAL sourceX = cosine * u - sine * v + centreX;
    const REAL sourceY = sine * u + cosine * v + centreY;
    if (mirror) sourceX = (REAL)(width - 1) - sourceX;
    const REAL left = floor(sourceX), top = floor(sourceY);
    const REAL fx = sourceX - left, fy = sourceY - top;
    const int x0 = (int)left, y0 = (int)top;
    REAL corner[4];  // (x0, y0), (x0 + 1, y0), (x0, y0 + 1), (x0 + 1, y0 + 1); black outside
    for (int c = 0; c < 4; ++c) {
        const int px = x0 + c % 2, py = y0 + c / 2;
        corner[c] = px >= 0 && px < width && py >= 0 && py < height ? in[py * width + px] : (REAL)0;
    }
    REAL value = ((REAL)1 - fy) * (((REAL)1 - fx) * corner[0] + fx * corner[1]) +
                 fy * (((REAL)1 - fx) * corner[2] + fx * corner[3]);
    if (brightness != (REAL)0 || contrast != (REAL)1)
        value = clamp(contrast * (value - (REAL)0.5) + (REAL)0.5 + brightness, (REAL)0, (REAL)1);
    out[i] = value;
}
