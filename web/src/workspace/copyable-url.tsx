/**
 * The calendar subscription's address with its copy button, shown once after it is made. Its own
 * chunk: Typography's copy machinery is fetched only then, not with the workspace (issue 15 point 7).
 */
import { Typography } from 'antd';

export function CopyableUrl({ url }: { url: string }) {
  return (
    <Typography.Paragraph copyable={{ text: url }} data-testid="calendar-feed-url" style={{ wordBreak: 'break-all', marginBottom: 0 }}>
      {url}
    </Typography.Paragraph>
  );
}
