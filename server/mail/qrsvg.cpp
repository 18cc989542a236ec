#include "qrsvg.h"

#include <memory>
#include <qrencode.h>

namespace engage::server::mail {

namespace {

constexpr int kQuietZone = 4;

struct QrCodeDeleter
{
    void operator()(QRcode *code) const { QRcode_free(code); }
};

} // namespace

std::optional<QrMatrix> qrMatrix(const QByteArray &text)
{
    const std::unique_ptr<QRcode, QrCodeDeleter> code(
        QRcode_encodeString8bit(text.constData(), 0, QR_ECLEVEL_M));
    if (!code)
        return std::nullopt;
    QrMatrix matrix;
    matrix.version = code->version;
    matrix.width = code->width;
    matrix.dark.reserve(matrix.width * matrix.width);
    for (int i = 0; i < matrix.width * matrix.width; ++i)
        matrix.dark.append((code->data[i] & 1) != 0); // bit 0: dark; the others say why
    return matrix;
}

QString qrSvg(const QrMatrix &matrix, const QString &label)
{
    QString path;
    for (int y = 0; y < matrix.width; ++y) {
        for (int x = 0; x < matrix.width;) {
            if (!matrix.isDark(x, y)) {
                ++x;
                continue;
            }
            int run = 1;
            while (x + run < matrix.width && matrix.isDark(x + run, y))
                ++run;
            path += QStringLiteral("M%1 %2h%3v1h-%3z").arg(x).arg(y).arg(run);
            x += run;
        }
    }
    const int size = matrix.width + 2 * kQuietZone;
    return QStringLiteral("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"-%1 -%1 %2 %2\" "
                          "width=\"%3mm\" height=\"%3mm\" role=\"img\" aria-label=\"%4\" "
                          "shape-rendering=\"crispEdges\"><rect x=\"-%1\" y=\"-%1\" width=\"%2\" "
                          "height=\"%2\" fill=\"#fff\"/><path fill=\"#000\" d=\"%5\"/></svg>")
        .arg(QString::number(kQuietZone), QString::number(size),
             QString::number(qMax(30, size * 2 / 3)), label.toHtmlEscaped(), path);
}

} // namespace engage::server::mail
