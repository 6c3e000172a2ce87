// Name tables: people, children, places and the details a party may carry.

export const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹'];
export const FEMALE_GIVEN = [
  '秀英', '桂英', '秀兰', '玉兰', '丽', '敏', '静', '燕', '艳', '娟', '霞', '芳', '红', '玲', '丽娟',
  '婷', '雪', '慧', '丹', '莉', '萍', '海燕', '晓燕', '美玲', '春梅', '淑珍', '凤英', '玉梅', '佳', '欣',
]; // prettier-ignore
export const MALE_GIVEN = [
  '伟', '强', '磊', '军', '勇', '杰', '涛', '明', '超', '刚', '平', '辉', '鹏', '华', '飞', '鑫', '波',
  '斌', '宇', '浩', '建华', '建国', '志强', '海涛', '国强', '永刚', '文', '亮', '俊', '成',
]; // prettier-ignore
export const CHILD_GIVEN = [
  '子涵',
  '梓萱',
  '浩然',
  '一诺',
  '欣怡',
  '宇轩',
  '雨桐',
  '子墨',
  '诗涵',
  '俊熙',
];
export const COUNTY_NAMES = ['海阳区', '平川市', '莱河市', '东港区', '西岸区', '南山县', '北川县', '临河县', '安丘市', '青山县']; // prettier-ignore
export const PLACE_SYLLABLES = [...'东西南北新安平和兴福康宁泰丰河山湖桥柳杨沙石金龙凤云松梅'];
export const ETHNICITIES = ['回', '满', '蒙古', '朝鲜'];
export const OCCUPATIONS = [
  '农民',
  '个体经营',
  '务工',
  '教师',
  '职员',
  '无业',
  '退休',
  '司机',
  '医生',
];
export const RESIDENCES = [
  'with_applicant',
  'with_respondent',
  'with_both',
  'with_relatives',
  'other',
];
