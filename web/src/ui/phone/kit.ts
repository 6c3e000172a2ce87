// The phone kit of the first screen (the frame and 今日), taken from each component's own module.
// antd-mobile's index is marked side-effectful in its package.json, so anything imported from
// 'antd-mobile' itself brings every component the phone screens use into the importer's chunk:
// 今日 would download the 笔录 form's widgets. The other screens import from 'antd-mobile' as usual
// (lazily loaded, after 今日). The global theme (CSS variables) comes first, as the index loads it.
import 'antd-mobile/es/global';

export { default as Button } from 'antd-mobile/es/components/button';
export { default as ConfigProvider } from 'antd-mobile/es/components/config-provider';
export { default as SafeArea } from 'antd-mobile/es/components/safe-area';
