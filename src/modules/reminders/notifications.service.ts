import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { notFound } from '../../common/errors/domain-error.js';
import { Clock } from '../../common/clock.js';
import type { NotificationPage, NotificationsQuery, NotificationView } from './dto/reminder.dto.js';
import { Notification } from './notification.entity.js';

const view = (n: Notification): NotificationView => ({
  id: n.id,
  kind: n.kind,
  title: n.title,
  body: n.body,
  caseId: n.caseId,
  createdAt: n.createdAt.toISOString(),
  readAt: n.readAt ? n.readAt.toISOString() : null,
});

/** The caller's own in-app notifications; another user's are 404. */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async list(userId: string, q: NotificationsQuery): Promise<NotificationPage> {
    const repo = this.dataSource.getRepository(Notification);
    const where = q.unread ? `n.user_id = :userId AND n.read_at IS NULL` : `n.user_id = :userId`;
    const [items, total] = await repo
      .createQueryBuilder('n')
      .where(where, { userId })
      .orderBy('n.createdAt', 'DESC')
      .addOrderBy('n.id', 'DESC')
      .offset(q.offset)
      .limit(q.pageSize)
      .getManyAndCount();
    return {
      items: items.map(view),
      page: q.page,
      pageSize: q.pageSize,
      total,
      unreadCount: await this.unreadCount(userId),
    };
  }

  async unreadCount(userId: string): Promise<number> {
    const [row]: { n: string }[] = await this.dataSource.query(
      `SELECT count(*) AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL`,
      [userId],
    );
    return Number(row.n);
  }

  async markRead(userId: string, id: string): Promise<void> {
    const found: { id: string }[] = await this.dataSource.query(
      `UPDATE notifications SET read_at = COALESCE(read_at, $3) WHERE id = $1 AND user_id = $2 RETURNING id`,
      [id, userId, this.clock.now()],
    );
    if (found.length === 0) throw notFound('notification');
  }
}
