#pragma once
// Ready-made networks to start from: each a NetworkSpec with the dataset it was made for. The
// app's Templates menu and `kotohajime --template NAME` open them in the network editor; the CLI
// lists them. Names are stable (files and scripts use them); titles and descriptions are English
// (front ends translate them by name).

#include <string>
#include <vector>

#include "network/network_spec.h"

namespace koto {

struct Template {
    std::string name;         // "lenet"
    std::string title;        // "LeNet-like CNN"
    std::string description;  // one line: what it is and what it shows
    std::string dataset;      // a dataset spec the network fits: "fashion-mnist"
    NetworkSpec network;      // input shape and output fit the dataset; layers are named
    // "" for a network trained on the dataset's labels or targets. Else the unsupervised model
    // (part 12) as kotohajime-cli train --model takes it, "autoencoder:128,32" or "rbm:64": an
    // autoencoder's network reconstructs its input (T = X); an RBM's network is its up-pass
    // p(h | v) = s(vW + c), the layer that pre-training hands to a classifier.
    std::string model;
};

const std::vector<Template>& networkTemplates();
const Template* findTemplate(const std::string& name);  // null for an unknown name
std::string templateNames();  // "logistic, mlp, deep-relu, lenet": for usage lines

}  // namespace koto
