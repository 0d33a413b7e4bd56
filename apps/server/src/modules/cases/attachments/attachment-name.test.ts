import { describe, expect, it } from 'vitest';
import { cleanFileName } from './attachment-name.js';

describe('the name an uploaded file is kept under', () => {
  it.each([
    ['U+202E right-to-left override', 'photo\u202Egpj.exe', 'photogpj.exe'],
    ['U+202A–U+202D embeddings and overrides', '\u202A\u202B\u202C\u202Da.png', 'a.png'],
    ['U+2066–U+2069 isolates', '\u2066\u2067\u2068b\u2069.png', 'b.png'],
    ['U+200E and U+200F marks', '\u200Ec\u200F.pdf', 'c.pdf'],
    ['U+061C Arabic letter mark', 'd\u061C.jpg', 'd.jpg'],
  ])('strips the bidirectional formatting characters: %s (finding 10)', (_what, given, kept) => {
    expect(cleanFileName(given, '附件')).toBe(kept);
  });

  it('keeps Chinese, spaces inside and the extension, drops folders and control characters', () => {
    expect(cleanFileName('C:\\Users\\张\\现场 照片.jpg', '附件')).toBe('现场 照片.jpg');
    expect(cleanFileName('../../etc/passwd', '附件')).toBe('passwd');
    expect(cleanFileName('a\r\nb\u0000c\u007f.png', '附件')).toBe('abc.png');
  });

  it('falls back when nothing is left of the name, and cuts a long one without splitting a character', () => {
    expect(cleanFileName('\u202E\u2066 \u2069', '照片')).toBe('照片');
    expect(cleanFileName('folder/', '附件')).toBe('附件');
    const long = cleanFileName(`${'😀'.repeat(250)}.png`, '附件');
    expect([...long]).toHaveLength(200);
    expect(long).toBe('😀'.repeat(200));
  });
});
