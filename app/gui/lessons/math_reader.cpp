#include "lessons/math_reader.h"

#include <optional>
#include <vector>

#include "lessons/math_layout.h"
#include "lessons/math_symbols.h"

namespace koto::gui {

namespace {

struct SyntaxError {
    QString message;
};

// Groups and arguments nest this deep at most (a braced group counts twice): far beyond any
// lesson's formula, far short of the stack's end.
constexpr int kMaxDepth = 60;

enum class RowEnd { Input, Brace, Right };

// Counts how deep the reader has gone into groups and arguments while it is alive.
class Nesting {
public:
    explicit Nesting(int& depth) : depth_(depth) {
        if (++depth_ > kMaxDepth) throw SyntaxError{"groups nested too deeply"};
    }
    ~Nesting() { --depth_; }
    Nesting(const Nesting&) = delete;
    Nesting& operator=(const Nesting&) = delete;

private:
    int& depth_;
};

class Reader {
public:
    Reader(const QString& tex, const MathFonts& fonts) : tex_(tex), fonts_(fonts), layout_(fonts) {}

    MathBox formula(MathStyle style) { return layout_.row(atoms(style, RowEnd::Input), style); }

private:
    std::vector<MathAtom> atoms(MathStyle style, RowEnd end);
    MathAtom atom(MathStyle style);
    void attachScript(std::vector<MathAtom>& atoms, bool superscript, MathStyle style);
    // A command's or a script's argument: a {group} or a single atom.
    MathAtom argument(MathStyle style);
    MathAtom command(const QString& name, MathStyle style);
    MathAtom symbol(const MathSymbol& symbol, MathStyle style) const;
    MathAtom fenced(MathStyle style);
    MathAtom space(qreal mu, MathStyle style) const;
    QString commandName();
    QChar delimiterName();
    QString wordsGroup();

    bool atEnd() const { return pos_ >= tex_.size(); }
    QChar peek() const { return tex_[pos_]; }
    bool lookingAtRight() const;
    void skipSpaces() {
        while (!atEnd() && peek().isSpace()) ++pos_;
    }
    [[noreturn]] static void fail(const QString& message) { throw SyntaxError{message}; }

    const QString& tex_;
    qsizetype pos_ = 0;
    int depth_ = 0;
    // Inside \mathbf and \mathrm: how Latin letters and digits are set instead of the default.
    std::optional<MathVariant> letters_;
    const MathFonts& fonts_;
    MathLayout layout_;
};

std::vector<MathAtom> Reader::atoms(MathStyle style, RowEnd end) {
    const Nesting nesting(depth_);
    std::vector<MathAtom> row;
    for (;;) {
        skipSpaces();
        if (atEnd()) {
            if (end == RowEnd::Brace) fail("missing }");
            if (end == RowEnd::Right) fail("\\left without \\right");
            break;
        }
        if (peek() == '}') {
            if (end != RowEnd::Brace) fail("unexpected }");
            ++pos_;
            break;
        }
        if (lookingAtRight()) {
            if (end != RowEnd::Right) fail("\\right without \\left");
            break;  // \left's reader reads the \right
        }
        if (peek() == '^' || peek() == '_') {
            const bool superscript = peek() == '^';
            ++pos_;
            attachScript(row, superscript, style);
            continue;
        }
        row.push_back(atom(style));
    }
    return row;
}

void Reader::attachScript(std::vector<MathAtom>& row, bool superscript, MathStyle style) {
    // A script with nothing before it ("^2") sits on an empty atom, as in TeX.
    if (row.empty() || row.back().isSpace) row.emplace_back();
    auto& slot = superscript ? row.back().superscript : row.back().subscript;
    if (slot) fail(superscript ? "double superscript" : "double subscript");
    const MathStyle script = superscript ? style.superscript() : style.subscript();
    slot = layout_.row({argument(script)}, script);
}

MathAtom Reader::argument(MathStyle style) {
    skipSpaces();
    if (atEnd() || peek() == '}' || peek() == '^' || peek() == '_' || lookingAtRight())
        fail("missing argument");
    if (peek() != '{') return atom(style);
    ++pos_;
    std::vector<MathAtom> group = atoms(style, RowEnd::Brace);
    // One symbol in braces is still that symbol, so that \hat{y} leans with the y.
    if (group.size() == 1 && !group.front().superscript && !group.front().subscript)
        return std::move(group.front());
    MathAtom atom;
    atom.nucleus = layout_.row(std::move(group), style);
    return atom;
}

MathAtom Reader::atom(MathStyle style) {
    const Nesting nesting(depth_);  // \frac\frac\frac... nests without braces
    const QChar c = tex_[pos_++];
    if (c == '{') {
        MathAtom group;  // a {group} is an ordinary atom, whatever is in it
        group.nucleus = layout_.row(atoms(style, RowEnd::Brace), style);
        return group;
    }
    if (c == '\\') return command(commandName(), style);
    if (c == '~') return space(6, style);
    if (c.isHighSurrogate() && !atEnd() && peek().isLowSurrogate())
        return symbol({QString(c) + tex_[pos_++], MathClass::Ord, MathVariant::Upright}, style);
    MathSymbol plain = characterSymbol(c);
    const bool latin = c.unicode() < 128 && c.isLetterOrNumber();
    if (letters_ && latin) plain.variant = *letters_;
    return symbol(plain, style);
}

MathAtom Reader::symbol(const MathSymbol& symbol, MathStyle style) const {
    MathAtom atom;
    atom.kind = symbol.kind;
    atom.isSymbol = true;
    atom.slanted = symbol.variant == MathVariant::Italic;
    atom.nucleus = fonts_.text(symbol.text, symbol.variant, style, &atom.italicCorrection);
    return atom;
}

MathAtom Reader::command(const QString& name, MathStyle style) {
    if (const auto found = commandSymbol(name)) return symbol(*found, style);
    MathAtom atom;
    if (const auto function = functionName(name)) {
        atom.kind = MathClass::Op;
        atom.nucleus = fonts_.text(function->name, MathVariant::Upright, style);
        atom.limits = function->limits && style.isDisplay();
    } else if (const auto op = largeOperator(name)) {
        atom.kind = MathClass::Op;
        atom.nucleus = layout_.largeOperator(op->glyph, style);
        atom.limits = op->limits && style.isDisplay();
    } else if (name == "frac" || name == "dfrac") {
        const MathStyle parts = name == "dfrac" ? MathStyle{MathStyle::Level::Display} : style;
        const MathBox numerator = layout_.row({argument(parts.numerator())}, parts.numerator());
        const MathBox denominator =
            layout_.row({argument(parts.denominator())}, parts.denominator());
        atom.kind = MathClass::Inner;  // TeX spaces a fraction like a \left ... \right group
        atom.nucleus = layout_.fraction(numerator, denominator, parts);
    } else if (name == "sqrt") {
        skipSpaces();
        if (!atEnd() && peek() == '[') fail("\\sqrt[n] is not supported");
        const MathStyle inside = style.crampedStyle();
        atom.nucleus = layout_.radical(layout_.row({argument(inside)}, inside), style);
    } else if (name == "hat" || name == "tilde" || name == "bar") {
        const MathAtom base = argument(style.crampedStyle());
        const MathAccent accent = name == "hat"     ? MathAccent::Hat
                                  : name == "tilde" ? MathAccent::Tilde
                                                    : MathAccent::Bar;
        atom.nucleus = layout_.accent(layout_.row({base}, style.crampedStyle()), accent,
                                      base.slanted, style);
    } else if (name == "mathbf" || name == "mathrm" || name == "mathit" || name == "operatorname") {
        const auto outer = letters_;
        letters_ = name == "mathbf"   ? MathVariant::Bold
                   : name == "mathit" ? MathVariant::Italic
                                      : MathVariant::Upright;
        atom.nucleus = layout_.row({argument(style)}, style);
        letters_ = outer;
        if (name == "operatorname") atom.kind = MathClass::Op;
    } else if (name == "mathbb") {
        QString letters;
        for (const QChar c : wordsGroup()) {
            const auto struck = doubleStruck(c);
            if (!struck) fail("\\mathbb takes capital letters");
            letters += *struck;
        }
        atom.nucleus = fonts_.text(letters, MathVariant::Upright, style);
    } else if (name == "text" || name == "textrm" || name == "mbox") {
        atom.nucleus = fonts_.text(wordsGroup(), MathVariant::Words, style);
    } else if (name == "left") {
        return fenced(style);
    } else if (name == ",") {
        return space(3, style);
    } else if (name == ":" || name == ">") {
        return space(4, style);
    } else if (name == ";") {
        return space(5, style);
    } else if (name == "!") {
        return space(-3, style);
    } else if (name == " ") {
        return space(6, style);
    } else if (name == "quad") {
        return space(18, style);
    } else if (name == "qquad") {
        return space(36, style);
    } else if (name == "\\") {
        fail("line breaks (\\\\) are not supported");
    } else {
        fail("unknown command \\" + name);
    }
    return atom;
}

MathAtom Reader::fenced(MathStyle style) {
    const QChar left = delimiterName();
    const MathBox inner = layout_.row(atoms(style, RowEnd::Right), style);
    pos_ += QStringLiteral("\\right").size();
    const QChar right = delimiterName();
    MathAtom atom;
    atom.kind = MathClass::Inner;
    atom.nucleus = layout_.fenced(left, inner, right, style);
    return atom;
}

MathAtom Reader::space(qreal mu, MathStyle style) const {
    MathAtom atom;
    atom.isSpace = true;
    atom.nucleus = layout_.space(mu, style);
    return atom;
}

QString Reader::commandName() {
    if (atEnd()) fail("\\ at the end");
    const qsizetype start = pos_;
    // A command is a run of letters (\alpha) or one other character (\, \{).
    if (!peek().isLetter()) return QString(tex_[pos_++]);
    while (!atEnd() && peek().isLetter()) ++pos_;
    return tex_.mid(start, pos_ - start);
}

QChar Reader::delimiterName() {
    skipSpaces();
    if (atEnd()) fail("missing delimiter after \\left or \\right");
    const QChar c = tex_[pos_++];
    if (QStringLiteral("()[]|.").contains(c)) return c;
    if (c == '\\') {
        const QString name = commandName();
        if (name == "{" || name == "}") return name.front();
        if (name == "|" || name == "lVert" || name == "rVert") return QChar(0x2016);  // ‖
        if (name == "lvert" || name == "rvert") return '|';
        if (name == "langle") return QChar(0x27E8);  // ⟨
        if (name == "rangle") return QChar(0x27E9);  // ⟩
    }
    fail("no delimiter after \\left or \\right");
}

QString Reader::wordsGroup() {
    // The words of \text{...} are taken as they are, spaces included; braces inside must pair,
    // and \{ \} \$ \% \_ \& \# stand for the character.
    skipSpaces();
    if (atEnd() || peek() != '{') fail("missing { after \\text or \\mathbb");
    ++pos_;
    QString words;
    int open = 1;
    while (!atEnd()) {
        const QChar c = tex_[pos_++];
        if (c == '\\' && !atEnd() && QStringLiteral("{}$%_&#\\").contains(peek())) {
            words += tex_[pos_++];
            continue;
        }
        if (c == '{') ++open;
        if (c == '}' && --open == 0) return words;
        words += c;
    }
    fail("missing }");
}

bool Reader::lookingAtRight() const {
    static const QString right = QStringLiteral("\\right");
    const qsizetype after = pos_ + right.size();
    return QStringView(tex_).mid(pos_).startsWith(right) &&
           (after >= tex_.size() || !tex_[after].isLetter());
}

}  // namespace

MathReading readMath(const QString& tex, const MathFonts& fonts, MathStyle style) {
    try {
        return {Reader(tex, fonts).formula(style), {}};
    } catch (const SyntaxError& error) {
        return {{}, error.message};
    }
}

}  // namespace koto::gui
