#pragma once
// The test data's confusion matrix: a row for each true class, a column for each class the
// network answered, the count in each cell shaded by its share of the row, and each class's
// accuracy at the end of its row. The diagonal holds the right answers.

#include <QWidget>
#include <cstdint>
#include <string>
#include <vector>

#include "views/exportable_view.h"

namespace koto::gui {

class ConfusionMatrixView : public QWidget, public ExportableView {
    Q_OBJECT
public:
    explicit ConfusionMatrixView(QWidget* parent = nullptr);

    void setClassNames(const std::vector<std::string>& names);
    // counts[t * K + p]: test samples of class t the network put in class p (empty: none yet).
    void setCounts(std::vector<int64_t> counts);
    const std::vector<int64_t>& counts() const { return counts_; }

    // K + 1 rows: "true_class" and the classes answered, then each true class's name and its
    // counts.
    QString csv() const override;
    QWidget& pictureWidget() override { return *this; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    std::vector<std::string> names_;
    std::vector<int64_t> counts_;
};

}  // namespace koto::gui
