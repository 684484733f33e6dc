import { StreamableFile } from '@nestjs/common';

/** A file as an attachment; the Chinese name travels as RFC 5987 `filename*`, with an ASCII fallback. */
export function attachment(file: { filename: string; contentType: string; body: Buffer }): StreamableFile {
  const extension = file.filename.slice(file.filename.lastIndexOf('.'));
  return new StreamableFile(file.body, {
    type: file.contentType,
    length: file.body.length,
    disposition: `attachment; filename="download${extension}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
  });
}
