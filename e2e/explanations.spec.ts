import { expect, test } from '@playwright/test';
import { connect, edgeLabel, node, openApp, selectNode, shot } from './helpers.ts';

test("explanations: the lecture's 13-output bug explained on its node and in the problems list, keyboard only, with the fix", async ({ page }, testInfo) => {
  await openApp(page);
  await selectNode(page, 'linear4');
  await page.getByTestId('param-outFeatures').fill('13');
  await expect(edgeLabel(page, 'linear4', 'output')).toHaveText('N × 13');

  // From the node: the "?" beside its error.
  const why = node(page, 'linear4').getByRole('button', { name: 'Why? Explain LB303' });
  await why.click();
  const dialog = page.getByRole('dialog', { name: /LB303/ });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('heading', { name: 'What it means' })).toBeVisible();
  await expect(dialog.getByRole('heading', { name: 'Why it happens' })).toBeVisible();
  await expect(dialog.getByRole('heading', { name: 'How to fix it' })).toBeVisible();
  await expect(dialog).toContainText('[506, 13]');
  await expect(page.getByTestId('explanation-node')).toHaveText('linear4');
  await shot(page, testInfo, 'explanation-lb303');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(why).toBeFocused();

  // From the problems list, then the one-click fix inside the panel.
  await page.locator('.lb-problems').getByRole('button', { name: 'Why? Explain LB303' }).click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Fix: Set linear4.outFeatures to 1' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(edgeLabel(page, 'linear4', 'output')).toHaveText('N × 1');
  await expect(page.locator('.lb-node--error')).toHaveCount(0);

  // A lecture warning: two Linear layers in a row collapse into one.
  await selectNode(page, 'act1');
  await page.keyboard.press('Delete');
  await expect(node(page, 'act1')).toHaveCount(0);
  await connect(page, 'linear1', 'linear2');
  await page.locator('.lb-problems').getByRole('button', { name: 'Why? Explain LB401' }).click();
  const collapse = page.getByRole('dialog', { name: /LB401/ });
  await expect(collapse).toContainText('W2(W1x + b1) + b2 = (W2W1)x + (W2b1 + b2) = Wx + b');
  await expect(page.getByTestId('explanation-node')).toHaveText('linear2');
  await page.keyboard.press('Escape');
  await expect(collapse).toHaveCount(0);
});

test('explanations and step-through speak Korean when the window does', async ({ page }, testInfo) => {
  await page.addInitScript(() => localStorage.setItem('layerboard.locale', 'ko'));
  await openApp(page);
  await selectNode(page, 'linear4');
  await page.getByTestId('param-outFeatures').fill('13');
  await page.locator('.lb-problems').getByRole('button', { name: '왜? LB303 설명 보기' }).click();
  const dialog = page.getByRole('dialog', { name: /LB303/ });
  await expect(dialog.getByRole('heading', { name: '무슨 뜻인가요' })).toBeVisible();
  await expect(dialog.getByRole('heading', { name: '왜 생기나요' })).toBeVisible();
  await expect(dialog.getByRole('heading', { name: '어떻게 고치나요' })).toBeVisible();
  await expect(dialog).toContainText('강의 실습에서 실제로 나온 버그');
  await shot(page, testInfo, 'explanation-lb303-ko');
  await page.keyboard.press('Escape');
  await page.getByTestId('param-outFeatures').fill('1');

  await page.getByTestId('open-step-through').click();
  await expect(page.getByTestId('step-through')).toContainText('한 행 따라가기');
  await page.getByRole('button', { name: '손실까지' }).click();
  await expect(page.getByTestId('step-detail')).toContainText('예측값 ŷ가 타깃 y를 만나 손실 L을 계산합니다');
  await shot(page, testInfo, 'step-through-ko');
});
