#pragma once
// A lesson's formula drawn as typeset maths. Lessons write maths in a TeX subset between $ ... $
// (in a line of text) and $$ ... $$ (on a line of its own); this draws one formula into an image
// that the lesson view places on the text's baseline.
//
// The subset:
//   letters          x, W, \alpha ... \omega (\epsilon ϵ, \varepsilon ε, \phi ϕ, \varphi φ) in
//                    italics; digits, punctuation and the capitals \Gamma \Delta \Theta \Lambda
//                    \Xi \Pi \Sigma \Phi \Psi \Omega upright; \partial \nabla \infty \ell
//   operators        + - * \cdot \times \div \pm \mp \odot \otimes \oplus \circ \cup \cap, with a
//                    medium space either side (none for a leading minus)
//   relations        = < > : \le \leq \ge \geq \ne \neq \approx \sim \equiv \propto \in \notin
//                    \subset \subseteq \ll \gg \mid \leftarrow \gets \rightarrow \to \Leftarrow
//                    \Rightarrow \leftrightarrow \mapsto, with a thick space either side
//   dots and more    \ldots \dots \cdots \vdots \forall \exists \emptyset \prime, x' (a prime),
//                    \{ \} \| \_ \% \# \& \$
//   scripts          x^2, W_{dm}, x_i^2, e^{x^2}, {}^2: one character or a {group}
//   functions        \log \ln \exp \sin \cos \tan \tanh \sinh \cosh \arg \dim \deg upright;
//                    \max \min \lim \sup \inf \det \argmax \argmin also, with their subscript
//                    underneath in display maths; \operatorname{name}
//   large operators  \sum \prod (limits underneath and above in display maths, beside in a
//                    line) and \int (limits beside)
//   constructions    \frac{a}{b} (smaller in a line, full size in display maths), \dfrac{a}{b}
//                    (full size anywhere), \sqrt{x}, \hat{y} \tilde{Z} \bar{x}
//   fonts            \mathbf{W} (bold upright), \mathrm{softmax}, \mathit{}, \mathbb{R} (ℝ),
//                    \text{words} (the lesson's own font, spaces kept, Japanese too)
//   delimiters       \left( \right) with ( ) [ ] | \| \{ \} \langle \rangle and . (none) grown
//                    to what they enclose
//   spaces           \, \: \; \! \quad \qquad \  and ~; spaces typed in the formula are ignored
// Anything else (an unknown command, braces that do not pair, x^2^3) is an error: the picture
// then shows the formula's source in red monospace, for the lesson's author to see.

#include <QColor>
#include <QFont>
#include <QImage>
#include <QString>

namespace koto::gui {

struct MathPicture {
    // Transparent but for the formula's ink, no bigger than the ink needs (with a pixel to spare
    // for antialiasing), its devicePixelRatio set. Null only for a formula too long to draw
    // (over 32767 pixels), which `error` then says.
    QImage image;
    // The formula's baseline, in device-independent pixels down from the image's top: a formula
    // in a line of text is drawn with this on the text's baseline.
    qreal baseline = 0;
    // Empty when the formula was read; otherwise what was wrong with it.
    QString error;

    // `tex` without its $ or $$, set in the size of `font` (whose family also sets \text),
    // in `ink`, for a screen of `devicePixelRatio`; `display`: a formula on its own line
    // (bigger fractions and sums, limits underneath).
    static MathPicture render(const QString& tex, const QFont& font, const QColor& ink,
                              qreal devicePixelRatio, bool display);
};

}  // namespace koto::gui
