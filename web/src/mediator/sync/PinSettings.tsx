import { Button, Input } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { hasPin, pinFormatOk, pinSupported, removePin, setPin } from './pin';

/** 本机 PIN 码 on 同步: set, change or remove the lock of a shared phone. */
export function PinSettings() {
  const [has, setHas] = useState<boolean | null>(null);
  const [editing, setEditing] = useState(false);
  const [first, setFirst] = useState('');
  const [again, setAgain] = useState('');
  const [message, setMessage] = useState('');
  useEffect(() => {
    void hasPin().then(setHas);
  }, []);
  if (!pinSupported())
    return <p className="med-note">此连接不支持 PIN 码（需通过 https 访问）。</p>;
  const save = async () => {
    if (!pinFormatOk(first)) return setMessage('PIN 码应为 4 到 6 位数字');
    if (first !== again) return setMessage('两次输入的 PIN 码不一致');
    await setPin(first);
    setHas(true);
    setEditing(false);
    setFirst('');
    setAgain('');
    setMessage('PIN 码已设置：打开应用或 5 分钟未操作后需输入 PIN 码');
  };
  return (
    <section className="med-section" aria-labelledby="pin-title">
      <h2 id="pin-title">本机 PIN 码</h2>
      <p>
        {has
          ? '已设置：打开应用或 5 分钟未操作后需输入 PIN 码。'
          : '手机与家人共用时，请设置 PIN 码，防止他人查看案件。'}
      </p>
      {editing ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <label htmlFor="pin-new">新 PIN 码（4–6 位数字）</label>
          <Input
            id="pin-new"
            type="password"
            inputMode="numeric"
            maxLength={6}
            value={first}
            onChange={setFirst}
          />
          <label htmlFor="pin-again">再输入一次</label>
          <Input
            id="pin-again"
            type="password"
            inputMode="numeric"
            maxLength={6}
            value={again}
            onChange={setAgain}
          />
          <Button block color="primary" type="submit">
            保存 PIN 码
          </Button>
        </form>
      ) : (
        <div className="med-sync-actions">
          <Button color="primary" fill="outline" onClick={() => setEditing(true)}>
            {has ? '修改 PIN 码' : '设置 PIN 码'}
          </Button>
          {has ? (
            <Button
              fill="outline"
              onClick={() =>
                void removePin().then(() => {
                  setHas(false);
                  setMessage('PIN 码已取消');
                })
              }
            >
              取消 PIN 码
            </Button>
          ) : null}
        </div>
      )}
      {message ? <p role="status">{message}</p> : null}
    </section>
  );
}
