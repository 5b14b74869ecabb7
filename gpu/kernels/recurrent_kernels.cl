
// ---- recurrent layers (appended to backend_kernels.cl; see gpu/opencl_recurrent_ops.cpp) -------
// Each kernel computes one time step of a batch, one work-item per sample and unit (or value),
// formula for formula as core/backend/cpu_recurrent_ops.cpp. A sequence tensor holds `steps`
// blocks of `width` values a row: sample n's step t starts at n * steps * width + t * width.
// Activations are numbered as the host passes them: 0 linear, 1 sigmoid, 2 tanh, 3 ReLU.

REAL recurrent_activate(int activation, REAL a) {
    if (activation == 1) return (REAL)1 / ((REAL)1 + exp(-a));
    if (activation == 2) return tanh(a);
    if (activation == 3) return a > (REAL)0 ? a : (REAL)0;
    return a;
}

REAL recurrent_slope(int activation, REAL z) {
    if (activation == 1) return z * ((REAL)1 - z);
    if (activation == 2) return (REAL)1 - z * z;
    if (activation == 3) return z > (REAL)0 ? (REAL)1 : (REAL)0;
    return (REAL)1;
}

REAL recurrent_sigmoid(REAL a) { return (REAL)1 / ((REAL)1 + exp(-a)); }

// out[n, j] = sequence[n, step, j]; count = rows * width.
kernel void copy_time_step(global const REAL* sequence, global REAL* out, int count, int width, int steps, int step) {
    const int i = get_global_id(0);
    if (i >= count) return;
    const int n = i / width, j = i % width;
    out[i] = sequence[(n * steps + step) * width + j];
}

kernel void place_time_step(global const REAL* in, global REAL* sequence, int count, int width, int steps, int step) {
    const int i = get_global_id(0);
    if (i >= count) return;
    const int n = i / width, j = i % width;
    sequence[(n * steps + step) * width + j] = in[i];
}

kernel void rnn_forward_step(global const REAL* input_part, global const REAL* recurrent_part, global REAL* hidden,
                             global REAL* last_hidden, int count, int units, int steps, int step, int activation) {
    const int i = get_global_id(0);
    if (i >= count) return;
    const int n = i / units, u = i % units;
    const int at = (n * steps + step) * units + u;
    const REAL h = recurrent_activate(activation, input_part[at] + recurrent_part[i]);
    hidden[at] = h;
    last_hidden[i] = h;
}

kernel void rnn_backward_step(global const REAL* hidden, global const REAL* output_gradient,
                              global const REAL* from_later, global REAL* hidden_gradient,
                              global REAL* pre_activation_gradient, global REAL* step_gradient, int count, int units,
                              int steps, int step, int activation) {
    const int i = get_global_id(0);
    if (i >= count) return;
    const int n = i / units, u = i % units;
    const int at = (n * steps + step) * units + u;
    const REAL dh = output_gradient[at] + from_later[i];
    hidden_gradient[at] = dh;
    const REAL da = dh * recurrent_slope(activation, hidden[at]);
    pre_activation_gradient[at] = da;
    step_gradient[i] = da;
}

// One work-item per sample and unit: its four gates i, f, o, g (blocks of `units` columns).
kernel void lstm_forward_step(global const REAL* input_part, global const REAL* recurrent_part, global REAL* gates,
                              global REAL* cells, global REAL* hidden, global REAL* last_hidden, int count, int units,
                              int steps, int step) {
    const int i = get_global_id(0);
    if (i >= count) return;
    const int n = i / units, u = i % units;
    const int gate_at = (n * steps + step) * 4 * units + u;
    const int recurrent_at = n * 4 * units + u;
    const int at = (n * steps + step) * units + u;
    const REAL in = recurrent_sigmoid(input_part[gate_at] + recurrent_part[recurrent_at]);
    const REAL f = recurrent_sigmoid(input_part[gate_at + units] + recurrent_part[recurrent_at + units]);
    const REAL o = recurrent_sigmoid(input_part[gate_at + 2 * units] + recurrent_part[recurrent_at + 2 * units]);
    const REAL g = tanh(input_part[gate_at + 3 * units] + recurrent_part[recurrent_at + 3 * units]);
    gates[gate_at] = in;
    gates[gate_at + units] = f;
    gates[gate_at + 2 * units] = o;
    gates[gate_at + 3 * units] = g;
    const REAL c = (step > 0 ? f * cells[at - units] : (REAL)0) + in * g;
    cells[at] = c;
    const REAL h = o * tanh(c);
    hidden[at] = h;
    last_hidden[i] = h;
}

kernel void lstm_backward_step(global const REAL* gates, global const REAL* cells, global const REAL* output_gradient,
                               global const REAL* from_later, global REAL* cell_carry, global REAL* hidden_gradient,
                               global REAL* cell_gradient, global REAL* pre_activation_gradient,
                               global REAL* step_gradient, int count, int units, int steps, int step) {
    const int i = get_global_id(0);
    if (i >= count) return;
    const int n = i / units, u = i % units;
    const int gate_at = (n * steps + step) * 4 * units + u;
    const int step_at = n * 4 * units + u;
    const int at = (n * steps + step) * units + u;
    const REAL in = gates[gate_at], f = gates[gate_at + units], o = gates[gate_at + 2 * units],
               g = gates[gate_at + 3 * units];
    const REAL tanh_c = tanh(cells[at]);
    const REAL dh = output_gradient[at] + from_later[i];
    const REAL dc = dh * o * ((REAL)1 - tanh_c * tanh_c) + cell_carry[i];
    hidden_gradient[at] = dh;
    cell_gradient[at] = dc;
    cell_carry[i] = dc * f;
    const REAL da_i = dc * in * ((REAL)1 - in) * g;
    const REAL da_f = step > 0 ? dc * f * ((REAL)1 - f) * cells[at - units] : (REAL)0;
    const REAL da_o = dh * o * ((REAL)1 - o) * tanh_c;
    const REAL da_g = dc * in * ((REAL)1 - g * g);
    pre_activation_gradient[gate_at] = da_i;
    pre_activation_gradient[gate_at + units] = da_f;
    pre_activation_gradient[gate_at + 2 * units] = da_o;
    pre_activation_gradient[gate_at + 3 * units] = da_g;
    step_gradient[step_at] = da_i;
    step_gradient[step_at + units] = da_f;
    step_gradient[step_at + 2 * units] = da_o;
    step_gradient[step_at + 3 * units] = da_g;
}
