// ---- sampling for the RBM (backend.h: bernoulliSample) --------------------------------------
// Appended to backend_kernels.cl, whose random_block and uniform_from it uses.

// One block of four elements per work-item: 1 where the element's uniform is below its
// probability, else 0, as the CPU backend compares them (the uniform in the tensor's type).
kernel void bernoulli_sample(global const REAL* probabilities, global REAL* samples, int count, ulong seed,
                             ulong step, uint layer) {
    const int block = get_global_id(0);
    if (block * 4 >= count) return;
    const uint4 bits = random_block(seed, step, layer, (ulong)block);
    const uint values[4] = {bits.x, bits.y, bits.z, bits.w};
    for (int j = 0; j < 4 && block * 4 + j < count; ++j) {
        const int i = block * 4 + j;
        samples[i] = (REAL)uniform_from(values[j]) < probabilities[i] ? (REAL)1 : (REAL)0;
    }
}
