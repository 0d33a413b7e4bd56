const BOUNDARY = '----shanzhi-test-boundary';

/** A part of a multipart body: a text field, or a file with its name (and declared type, JPEG by default). */
export type Part =
  | { name: string; value: string }
  | { name: string; filename: string; content: Buffer; type?: string };

/** A multipart/form-data body of `parts`, in order, with its content-type header, for `inject`. */
export function multipart(parts: Part[]) {
  const chunks = parts.flatMap((part) =>
    'filename' in part
      ? [
          Buffer.from(
            `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${part.name}"; filename="${part.filename}"\r\n` +
              `Content-Type: ${part.type ?? 'image/jpeg'}\r\n\r\n`,
          ),
          part.content,
          Buffer.from('\r\n'),
        ]
      : [
          Buffer.from(
            `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${part.name}"\r\n\r\n${part.value}\r\n`,
          ),
        ],
  );
  return {
    payload: Buffer.concat([...chunks, Buffer.from(`--${BOUNDARY}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
  };
}
