import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '@/lib/i18n';
import { LookupForm } from './lookup-form';

afterEach(cleanup);

function fill(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

describe('LookupForm', () => {
  it('shows the broken rule beside its field and sends nothing', () => {
    const onSubmit = vi.fn();
    render(<LookupForm initial={{ stock: '', mchid: '' }} recent={[]} onSubmit={onSubmit} />);
    fill('批次号', '../etc');
    fireEvent.click(screen.getByRole('button', { name: '查询' }));
    expect(onSubmit).not.toHaveBeenCalled();
    const stock = screen.getByLabelText('批次号');
    expect(stock.getAttribute('aria-invalid')).toBe('true');
    expect(stock.getAttribute('aria-describedby')).toContain('error');
    expect(screen.getByText('只能包含英文字母、数字、下划线（_）和连字符（-）')).toBeTruthy();
    expect(screen.getByText('必填')).toBeTruthy();
    expect(document.activeElement).toBe(stock);
  });

  it('submits tidy ids on Enter', () => {
    const onSubmit = vi.fn();
    render(<LookupForm initial={{ stock: '', mchid: '' }} recent={[]} onSubmit={onSubmit} />);
    fill('批次号', ' 16000004 ');
    fill('创建批次的商户号', '1900000109');
    fireEvent.submit(screen.getByRole('form', { name: '查询批次' }));
    expect(onSubmit).toHaveBeenCalledWith({ stock: '16000004', mchid: '1900000109' });
  });

  it('brings a remembered merchant along with a remembered stock', () => {
    render(
      <LookupForm
        initial={{ stock: '', mchid: '' }}
        recent={[{ stock: '16000004', mchid: '1900000109', name: '日化用品满50减8' }]}
        onSubmit={() => {}}
      />,
    );
    fill('批次号', '16000004');
    expect((screen.getByLabelText('创建批次的商户号') as HTMLInputElement).value).toBe(
      '1900000109',
    );
  });
});
