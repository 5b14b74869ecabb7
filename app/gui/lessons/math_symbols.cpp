#include "lessons/math_symbols.h"

#include <QHash>

namespace koto::gui {

namespace {

using C = MathClass;
constexpr auto kItalic = MathVariant::Italic;
constexpr auto kUpright = MathVariant::Upright;

const QHash<QString, MathSymbol>& symbolTable() {
    static const QHash<QString, MathSymbol> table = {
        // Lower-case Greek is italic like Latin letters; TeX's \epsilon and \phi are the
        // lunate ϵ and the closed ϕ, \varepsilon and \varphi the open ε and φ.
        {"alpha", {"α", C::Ord, kItalic}},
        {"beta", {"β", C::Ord, kItalic}},
        {"gamma", {"γ", C::Ord, kItalic}},
        {"delta", {"δ", C::Ord, kItalic}},
        {"epsilon", {"ϵ", C::Ord, kItalic}},
        {"varepsilon", {"ε", C::Ord, kItalic}},
        {"zeta", {"ζ", C::Ord, kItalic}},
        {"eta", {"η", C::Ord, kItalic}},
        {"theta", {"θ", C::Ord, kItalic}},
        {"iota", {"ι", C::Ord, kItalic}},
        {"kappa", {"κ", C::Ord, kItalic}},
        {"lambda", {"λ", C::Ord, kItalic}},
        {"mu", {"μ", C::Ord, kItalic}},
        {"nu", {"ν", C::Ord, kItalic}},
        {"xi", {"ξ", C::Ord, kItalic}},
        {"pi", {"π", C::Ord, kItalic}},
        {"rho", {"ρ", C::Ord, kItalic}},
        {"sigma", {"σ", C::Ord, kItalic}},
        {"tau", {"τ", C::Ord, kItalic}},
        {"upsilon", {"υ", C::Ord, kItalic}},
        {"phi", {"ϕ", C::Ord, kItalic}},
        {"varphi", {"φ", C::Ord, kItalic}},
        {"chi", {"χ", C::Ord, kItalic}},
        {"psi", {"ψ", C::Ord, kItalic}},
        {"omega", {"ω", C::Ord, kItalic}},
        // Capitals stay upright, as in TeX.
        {"Gamma", {"Γ", C::Ord, kUpright}},
        {"Delta", {"Δ", C::Ord, kUpright}},
        {"Theta", {"Θ", C::Ord, kUpright}},
        {"Lambda", {"Λ", C::Ord, kUpright}},
        {"Xi", {"Ξ", C::Ord, kUpright}},
        {"Pi", {"Π", C::Ord, kUpright}},
        {"Sigma", {"Σ", C::Ord, kUpright}},
        {"Phi", {"Φ", C::Ord, kUpright}},
        {"Psi", {"Ψ", C::Ord, kUpright}},
        {"Omega", {"Ω", C::Ord, kUpright}},
        {"partial", {"∂", C::Ord, kItalic}},
        {"nabla", {"∇", C::Ord, kUpright}},
        {"infty", {"∞", C::Ord, kUpright}},
        {"ell", {"ℓ", C::Ord, kUpright}},
        {"prime", {"′", C::Ord, kUpright}},
        {"forall", {"∀", C::Ord, kUpright}},
        {"exists", {"∃", C::Ord, kUpright}},
        {"emptyset", {"∅", C::Ord, kUpright}},
        {"top", {"⊤", C::Ord, kUpright}},  // a transpose: W^\top
        {"|", {"‖", C::Ord, kUpright}},
        {"{", {"{", C::Open, kUpright}},
        {"}", {"}", C::Close, kUpright}},
        {"_", {"_", C::Ord, kUpright}},
        {"%", {"%", C::Ord, kUpright}},
        {"#", {"#", C::Ord, kUpright}},
        {"&", {"&", C::Ord, kUpright}},
        {"$", {"$", C::Ord, kUpright}},
        {"ldots", {"…", C::Inner, kUpright}},
        {"dots", {"…", C::Inner, kUpright}},
        {"cdots", {"⋯", C::Inner, kUpright}},
        {"vdots", {"⋮", C::Ord, kUpright}},
        // Binary operators: a medium space either side.
        {"cdot", {"⋅", C::Bin, kUpright}},
        {"times", {"×", C::Bin, kUpright}},
        {"div", {"÷", C::Bin, kUpright}},
        {"pm", {"±", C::Bin, kUpright}},
        {"mp", {"∓", C::Bin, kUpright}},
        {"odot", {"⊙", C::Bin, kUpright}},
        {"otimes", {"⊗", C::Bin, kUpright}},
        {"oplus", {"⊕", C::Bin, kUpright}},
        {"circ", {"∘", C::Bin, kUpright}},
        {"ast", {"∗", C::Bin, kUpright}},
        {"cup", {"∪", C::Bin, kUpright}},
        {"cap", {"∩", C::Bin, kUpright}},
        // Relations: a thick space either side.
        {"leftarrow", {"←", C::Rel, kUpright}},
        {"gets", {"←", C::Rel, kUpright}},
        {"rightarrow", {"→", C::Rel, kUpright}},
        {"to", {"→", C::Rel, kUpright}},
        {"Leftarrow", {"⇐", C::Rel, kUpright}},
        {"Rightarrow", {"⇒", C::Rel, kUpright}},
        {"leftrightarrow", {"↔", C::Rel, kUpright}},
        {"mapsto", {"↦", C::Rel, kUpright}},
        {"le", {"≤", C::Rel, kUpright}},
        {"leq", {"≤", C::Rel, kUpright}},
        {"ge", {"≥", C::Rel, kUpright}},
        {"geq", {"≥", C::Rel, kUpright}},
        {"ne", {"≠", C::Rel, kUpright}},
        {"neq", {"≠", C::Rel, kUpright}},
        {"approx", {"≈", C::Rel, kUpright}},
        {"sim", {"∼", C::Rel, kUpright}},
        {"equiv", {"≡", C::Rel, kUpright}},
        {"propto", {"∝", C::Rel, kUpright}},
        {"in", {"∈", C::Rel, kUpright}},
        {"notin", {"∉", C::Rel, kUpright}},
        {"subset", {"⊂", C::Rel, kUpright}},
        {"subseteq", {"⊆", C::Rel, kUpright}},
        {"ll", {"≪", C::Rel, kUpright}},
        {"gg", {"≫", C::Rel, kUpright}},
        {"mid", {"∣", C::Rel, kUpright}},
    };
    return table;
}

}  // namespace

MathSymbol characterSymbol(QChar c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return {QString(c), C::Ord, kItalic};
    switch (c.unicode()) {
    case '+': return {"+", C::Bin, kUpright};
    case '-': return {"−", C::Bin, kUpright};  // a minus sign, not a hyphen
    case '*': return {"∗", C::Bin, kUpright};
    case '/': return {"/", C::Ord, kUpright};
    case '=': return {"=", C::Rel, kUpright};
    case '<': return {"<", C::Rel, kUpright};
    case '>': return {">", C::Rel, kUpright};
    case ':': return {":", C::Rel, kUpright};
    case ',': return {",", C::Punct, kUpright};
    case ';': return {";", C::Punct, kUpright};
    case '(': return {"(", C::Open, kUpright};
    case '[': return {"[", C::Open, kUpright};
    case ')': return {")", C::Close, kUpright};
    case ']': return {"]", C::Close, kUpright};
    case '!': return {"!", C::Close, kUpright};
    case '?': return {"?", C::Close, kUpright};
    case '\'': return {"′", C::Ord, kUpright};
    default: return {QString(c), C::Ord, kUpright};  // digits, '.', '|', and any other letter
    }
}

std::optional<MathSymbol> commandSymbol(const QString& name) {
    const auto found = symbolTable().constFind(name);
    if (found == symbolTable().constEnd()) return std::nullopt;
    return *found;
}

std::optional<MathFunction> functionName(const QString& name) {
    static const QHash<QString, bool> functions = {
        {"log", false}, {"ln", false},   {"exp", false}, {"sin", false},  {"cos", false},
        {"tan", false}, {"tanh", false}, {"sinh", false}, {"cosh", false}, {"arg", false},
        {"dim", false}, {"deg", false},  {"max", true},   {"min", true},   {"lim", true},
        {"sup", true},  {"inf", true},   {"det", true},   {"argmax", true}, {"argmin", true},
    };
    const auto found = functions.constFind(name);
    if (found == functions.constEnd()) return std::nullopt;
    // \argmax is no LaTeX command, but lessons on classification write it often enough.
    const QString shown = name.startsWith("arg") && name.size() > 3 ? "arg " + name.mid(3) : name;
    return MathFunction{shown, *found};
}

std::optional<MathOperator> largeOperator(const QString& name) {
    if (name == "sum") return MathOperator{"∑", true};
    if (name == "prod") return MathOperator{"∏", true};
    if (name == "int") return MathOperator{"∫", false};
    return std::nullopt;
}

std::optional<QString> doubleStruck(QChar c) {
    // Seven capitals have had their own code points since before the mathematical alphabets.
    switch (c.unicode()) {
    case 'C': return QStringLiteral("ℂ");
    case 'H': return QStringLiteral("ℍ");
    case 'N': return QStringLiteral("ℕ");
    case 'P': return QStringLiteral("ℙ");
    case 'Q': return QStringLiteral("ℚ");
    case 'R': return QStringLiteral("ℝ");
    case 'Z': return QStringLiteral("ℤ");
    default: break;
    }
    if (c >= 'A' && c <= 'Z') {
        const char32_t code = U'𝔸' + static_cast<char32_t>(c.unicode() - 'A');
        return QString::fromUcs4(&code, 1);
    }
    return std::nullopt;
}

}  // namespace koto::gui
