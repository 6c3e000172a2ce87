import { Button, Input } from 'antd-mobile';
import { useState } from 'react';
import { LogoutButton } from '../../ui/phone/LogoutButton';
import { pinMatches, setLocked, TRIES, WAIT_MS } from './pin';

/** The lock: her PIN, or logout (which warns about anything not yet uploaded). */
export function PinLock() {
  const [pin, setPin] = useState('');
  const [wrong, setWrong] = useState(0);
  const [until, setUntil] = useState(0);
  const [message, setMessage] = useState('');
  const unlock = async () => {
    if (Date.now() < until) {
      setMessage(`尝试次数过多，请 ${Math.ceil((until - Date.now()) / 1000)} 秒后再试`);
      return;
    }
    if (await pinMatches(pin)) {
      setLocked(false);
      return;
    }
    const tries = wrong + 1;
    setWrong(tries);
    setPin('');
    if (tries % TRIES === 0) {
      setUntil(Date.now() + WAIT_MS);
      setMessage(`PIN 码连续 ${tries} 次不正确，请 ${WAIT_MS / 1000} 秒后再试`);
    } else setMessage('PIN 码不正确');
  };
  return (
    <main className="med-lock" aria-labelledby="lock-title">
      <h1 id="lock-title">已锁定</h1>
      <p>请输入本机 PIN 码继续。</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void unlock();
        }}
      >
        <label htmlFor="pin-input">PIN 码</label>
        <Input
          id="pin-input"
          type="password"
          inputMode="numeric"
          autoComplete="off"
          maxLength={6}
          value={pin}
          onChange={setPin}
        />
        {message ? <p role="alert">{message}</p> : null}
        <Button block color="primary" type="submit">
          解锁
        </Button>
      </form>
      <p>忘记 PIN 码？退出登录后用账号密码重新登录。</p>
      <LogoutButton />
    </main>
  );
}
