import { Col, Flex, Row } from 'antd';
import { PageTitle } from '../../../components/PageTitle.js';
import { useI18n } from '../../../i18n/I18nProvider.js';
import { CaseActionDialog } from '../../cases/components/CaseActionDialog.js';
import { IntakeFormCard } from '../components/IntakeFormCard.js';
import { IntakeSidePanel } from '../components/IntakeSidePanel.js';
import { RegisteredResult } from '../components/RegisteredResult.js';
import { useIntakeForm } from '../hooks/use-intake-form.js';

/**
 * 坐席受理: the 12345 agent's registration form, built for a phone call — the caller's number first with his
 * earlier cases at once, the catalog as a searchable tree, a map picker that locates grid to district, the
 * knowledge base for 直接办结, the classifier's suggestion, possible duplicates and one-click 转110. Enter moves
 * on, Ctrl+Enter registers.
 */
export function IntakePage() {
  const { t } = useI18n();
  const intake = useIntakeForm();
  const { registered, followUp } = intake;
  return (
    <Flex vertical>
      <PageTitle title={t('menu.intake')} description={t('intake.description')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          {registered ? (
            <RegisteredResult
              registered={registered}
              onChanged={intake.setRegistered}
              onStale={intake.reload}
              onNext={intake.startOver}
            />
          ) : (
            <IntakeFormCard intake={intake} />
          )}
        </Col>
        <Col xs={24} xl={9}>
          <IntakeSidePanel intake={intake} />
        </Col>
      </Row>
      {registered && followUp && (
        <CaseActionDialog
          caseData={registered}
          action={followUp.action}
          onClose={intake.closeFollowUp}
          onDone={intake.setRegistered}
          onStale={intake.reload}
          {...(followUp.initial ? { initialValues: followUp.initial } : {})}
        />
      )}
    </Flex>
  );
}
