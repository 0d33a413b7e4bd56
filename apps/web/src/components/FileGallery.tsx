import { FileOutlined } from '@ant-design/icons';
import { Flex, Image, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { formatBytes } from '../platform/format/format-bytes.js';

/** A stored file as a list shows it: where it downloads, what it is, who sent it and when. */
export interface GalleryFile {
  id: number;
  name: string;
  url: string;
  mime: string;
  size: number;
  uploadedAt: string;
  uploaderName: string;
}

const isImage = (file: GalleryFile) => file.mime.startsWith('image/');

/** Who sent a file, when, and how large it is. */
const caption = (file: GalleryFile) =>
  `${file.uploaderName} · ${dayjs(file.uploadedAt).format('YYYY-MM-DD HH:mm')} · ${formatBytes(file.size)}`;

/**
 * Files kept with a record (a case's attachments, a dispute's evidence): photos as previewable thumbnails,
 * other files as download links, each with who sent it and when.
 */
export function FileGallery({ files }: { files: readonly GalleryFile[] }) {
  return (
    <Flex vertical gap={8}>
      <Image.PreviewGroup>
        <Flex gap={8} wrap>
          {files.filter(isImage).map((img) => (
            <Tooltip key={img.id} title={`${img.name}（${caption(img)}）`}>
              <Image
                src={img.url}
                alt={img.name}
                width={96}
                height={96}
                style={{ objectFit: 'cover', borderRadius: 4 }}
              />
            </Tooltip>
          ))}
        </Flex>
      </Image.PreviewGroup>
      {files
        .filter((file) => !isImage(file))
        .map((file) => (
          <div key={file.id}>
            <Typography.Link href={file.url} download={file.name}>
              <FileOutlined /> {file.name}
            </Typography.Link>
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {caption(file)}
            </Typography.Text>
          </div>
        ))}
    </Flex>
  );
}
