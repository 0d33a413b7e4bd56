import {
  DISPUTE_FIELD_NAMES as F,
  PARTY_CONFIRMATION_METHOD_LABELS,
  PARTY_KIND_LABELS,
  PARTY_ROLE_LABELS,
  type PartyView,
} from '@shanzhi/shared';
import { Card, Table, Tag } from 'antd';
import dayjs from 'dayjs';

/** 当事人: applicants and respondents with their contacts, masked as the server gives them. */
export function DisputeParties({ parties }: { parties: PartyView[] }) {
  return (
    <Card size="small" title={F.parties}>
      <Table<PartyView>
        size="small"
        rowKey="id"
        data-testid="dispute-parties"
        pagination={false}
        dataSource={parties}
        scroll={{ x: 720 }}
        columns={[
          {
            title: '身份',
            dataIndex: 'role',
            width: 90,
            render: (r: PartyView['role']) => PARTY_ROLE_LABELS[r],
          },
          {
            title: '姓名/名称',
            dataIndex: 'name',
            render: (name: string, p) => (
              <>
                {name} <Tag>{PARTY_KIND_LABELS[p.kind]}</Tag>
              </>
            ),
          },
          { title: F.phone, dataIndex: 'phone', width: 130, render: (v: string | null) => v ?? '—' },
          { title: F.address, dataIndex: 'address', ellipsis: true, render: (v: string | null) => v ?? '—' },
          {
            title: '协议确认',
            key: 'confirmed',
            width: 170,
            render: (_: unknown, p) =>
              p.confirmedAt && p.confirmationMethod
                ? `${PARTY_CONFIRMATION_METHOD_LABELS[p.confirmationMethod]} ${dayjs(p.confirmedAt).format('MM-DD HH:mm')}`
                : '—',
          },
        ]}
      />
    </Card>
  );
}
