/**
 * The window in Korean (Chromium's locale ko-KR, so the OS language is Korean): menus, panels and
 * the lecture's bug (the last Linear set to 13 outputs) with its diagnostic in Korean on the node
 * and in the problems list; View › Language switches to English at once, and the choice is
 * remembered across a reload.
 */
import { expect, test } from '@playwright/test';
import { edgeLabel, node, openApp, selectNode, shot } from './helpers.ts';

test.use({ locale: 'ko-KR' });

test('Korean by the OS language: menus, panels and the lecture bug in Korean; View › Language switches to English and is remembered', async ({ page }, testInfo) => {
  await openApp(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  const bar = page.getByRole('menubar');
  for (const name of ['파일', '편집', '보기', '학습']) await expect(bar.getByRole('menuitem', { name, exact: true })).toBeVisible();
  await bar.getByRole('menuitem', { name: '파일', exact: true }).click();
  const fileMenu = page.getByRole('menu', { name: '파일' });
  await expect(fileMenu.getByRole('menuitem', { name: /새 프로젝트/ })).toBeVisible();
  await expect(fileMenu.getByRole('menuitem', { name: /CSV 가져오기/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(fileMenu).toHaveCount(0);

  // Panels, tabs and the training bar.
  await expect(page.getByTestId('tab-network')).toHaveText('네트워크');
  await expect(page.getByTestId('tab-training')).toHaveText('학습');
  await expect(page.locator('.lb-palette .lb-panel-title')).toHaveText('계층');
  await expect(page.getByRole('navigation', { name: '계층 팔레트' })).toContainText('활성화 함수');
  await expect(page.getByTestId('train-status')).toHaveText('학습 준비 완료');
  await expect(page.getByTestId('problem-counts')).toHaveText('오류 0개, 경고 0개');
  await expect(page.getByTestId('train-start')).toHaveText('▶ 학습');
  await expect(page.getByTestId('training-settings')).toContainText('학습률');
  await expect(page.locator('.lb-statusbar')).toContainText('200,000 에포크 · 전체 배치');

  // A setting that cannot work is explained under the settings in Korean (core's training:settings words).
  await page.getByTestId('optimizer-nesterov').check();
  await expect(page.getByTestId('settings-problem')).toHaveText('Nesterov 모멘텀을 쓰려면 모멘텀(momentum)이 0보다 크고 dampening이 0이어야 합니다.');
  await page.getByTestId('optimizer-nesterov').uncheck();
  await expect(page.getByTestId('settings-problem')).toHaveCount(0);

  // The lecture's bug: 13 outputs for a one-column target.
  await selectNode(page, 'linear4');
  await expect(page.locator('.lb-inspector')).toContainText('출력 특성 수');
  const width = page.getByTestId('param-outFeatures');
  await width.fill('1.5');
  await expect(page.locator('.lb-field__error')).toContainText('정수를 입력하세요');
  await width.fill('13');
  await expect(edgeLabel(page, 'linear4', 'output')).toHaveText('N × 13');
  const error = node(page, 'linear4').locator('.lb-node__issue--error');
  await expect(error).toContainText('마지막 계층의 출력을 1(으)로 맞추세요');
  await expect(error).not.toContainText('predicts');
  await expect(node(page, 'linear4').getByRole('button', { name: /^고치기: linear4\.outFeatures 값을 1\(으\)로 설정/ })).toBeVisible();
  const problem = page.locator('.lb-problem--error').filter({ hasText: 'LB303' });
  await expect(problem).toContainText('마지막 계층의 출력을 1(으)로 맞추세요');
  await expect(problem.getByRole('button', { name: /^linear4의 오류 LB303/ })).toBeVisible();
  await expect(page.getByTestId('problem-counts')).toHaveText('오류 1개, 경고 0개');
  await expect(page.getByTestId('train-status')).toHaveText('학습하기 전에 고칠 오류 1개');
  await expect(page.getByRole('button', { name: '실행 취소: 파라미터 변경' })).toBeEnabled();
  await shot(page, testInfo, '30-korean-lecture-bug');

  // View › Language › English: the whole window switches at once, the document untouched.
  await bar.getByRole('menuitem', { name: '보기', exact: true }).click();
  const viewMenu = page.getByRole('menu', { name: '보기' });
  await expect(viewMenu.getByRole('menuitemradio', { name: '시스템 설정 (한국어)' })).toHaveAttribute('aria-checked', 'true');
  await viewMenu.getByRole('menuitemradio', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  for (const name of ['File', 'Edit', 'View', 'Train']) await expect(bar.getByRole('menuitem', { name, exact: true })).toBeVisible();
  await expect(error).toContainText('linear4 predicts 13 numbers per row');
  await expect(problem).toContainText('has 1 column');
  await expect(page.getByTestId('train-status')).toHaveText('1 error to fix before training');
  await expect(page.getByTestId('tab-network')).toHaveText('Network');
  await expect(page.getByRole('button', { name: 'Undo Change parameter' })).toBeEnabled();
  await expect(edgeLabel(page, 'linear4', 'output')).toHaveText('N × 13');
  await shot(page, testInfo, '31-english-after-switch');

  // A reload keeps English, though the browser still says Korean.
  await page.reload();
  await expect(page.locator('.lb-app[data-ready="true"]')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(bar.getByRole('menuitem', { name: 'File', exact: true })).toBeVisible();
  await expect(page.getByTestId('tab-training')).toHaveText('Training');
  await expect(page.getByTestId('train-status')).toHaveText('Ready to train');
  await bar.getByRole('menuitem', { name: 'View', exact: true }).click();
  const view = page.getByRole('menu', { name: 'View' });
  await expect(view.getByRole('menuitemradio', { name: 'English' })).toHaveAttribute('aria-checked', 'true');
  // Back to the system's language: Korean again.
  await view.getByRole('menuitemradio', { name: 'System (한국어)' }).click();
  await expect(bar.getByRole('menuitem', { name: '파일', exact: true })).toBeVisible();
  await expect(page.getByTestId('train-status')).toHaveText('학습 준비 완료');
});
