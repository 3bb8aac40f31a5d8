/** Everything create-portico-app needs to know, from flags or prompts. */
export interface CreateAnswers {
  /** The folder to create (absolute). */
  dir: string;
  /** The portal's name, shown as its title. */
  name: string;
  /** Plugin package names to include. */
  plugins: string[];
  store: 'embedded' | 'redis';
  /** With `store: 'redis'`: where Redis is. */
  redisUrl?: string;
}
