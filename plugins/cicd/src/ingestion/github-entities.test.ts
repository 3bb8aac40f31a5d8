import { buildEntity, buildResult, pipelineEntity } from './github-entities';

describe('GitHub entities', () => {
  it('maps status and conclusion to one result vocabulary', () => {
    expect(buildResult({ status: 'queued', conclusion: null })).toBe('queued');
    expect(buildResult({ status: 'waiting', conclusion: null })).toBe('queued');
    expect(buildResult({ status: 'in_progress', conclusion: null })).toBe('running');
    expect(buildResult({ status: 'completed', conclusion: 'success' })).toBe('succeeded');
    expect(buildResult({ status: 'completed', conclusion: 'failure' })).toBe('failed');
    expect(buildResult({ status: 'completed', conclusion: 'timed_out' })).toBe('failed');
    expect(buildResult({ status: 'completed', conclusion: 'cancelled' })).toBe('cancelled');
    expect(buildResult({ status: 'completed', conclusion: 'skipped' })).toBe('skipped');
  });

  it('makes valid entity ids from any repository name', () => {
    const pipeline = pipelineEntity('Acme/Cart_Service', { id: 7, name: 'CI', path: '.github/workflows/ci.yml', state: 'active', created_at: '', updated_at: '', html_url: 'https://github.com/x' }, 'cart-service');
    expect(pipeline.id).toBe('acme.cart_service.7');
    const build = buildEntity(
      'Acme/Cart_Service',
      { id: 99, name: 'CI', display_title: 'fix', run_number: 3, event: 'push', status: 'completed', conclusion: 'success', workflow_id: 7, head_branch: 'main', head_sha: 'abc', html_url: 'https://github.com/r', created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:01:00Z' },
      null,
      true,
    );
    expect(build).toMatchObject({ id: 'acme.cart_service.run-99', title: 'CI #3', relations: { pipeline: 'acme.cart_service.7', component: null }, properties: { result: 'succeeded', startedAt: '2026-01-01T00:00:00Z' } });
    for (const id of [pipeline.id, build.id]) expect(id).toMatch(/^[a-z0-9][a-z0-9._-]*$/);
  });
});
