import { PhoneLayout } from '../ui/phone/PhoneLayout';

/**
 * The sentinel reporter's part of the app (妇女微家、执委工作室). Her screens — the report form on
 * the phone — are not built yet; the API takes her reports (POST /api/v1/sentinel-reports). Until
 * then she is told so plainly instead of being sent to screens that would refuse her.
 */
export function Component() {
  return (
    <PhoneLayout title="矛盾纠纷线索">
      <section style={{ background: '#fff', borderRadius: 8, padding: 16 }}>
        <h2 style={{ fontSize: 20, marginTop: 0 }}>线索上报页面即将开放</h2>
        <p>
          您的账号是哨点信息员。手机上报矛盾纠纷线索的页面还在建设中；发现家庭纠纷、特别是有家暴迹象时，请先电话联系本镇妇联或调解员。
        </p>
      </section>
    </PhoneLayout>
  );
}
