#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <optional>

namespace engage::server::mail {

// A QR code's modules (libqrencode, 8-bit mode, error correction M, the
// smallest version that holds the text), row by row.
struct QrMatrix
{
    int version = 0;
    int width = 0; // 17 + 4 x version
    QList<bool> dark;

    bool isDark(int x, int y) const { return dark.at(y * width + x); }
};

// Nothing when the text does not fit any version.
std::optional<QrMatrix> qrMatrix(const QByteArray &text);

// The matrix as inline SVG: one path of the dark modules (one run per
// "M x y h n v 1 h -n z"), a four-module quiet zone, `label` as its
// accessible name (escaped here).
QString qrSvg(const QrMatrix &matrix, const QString &label);

} // namespace engage::server::mail
